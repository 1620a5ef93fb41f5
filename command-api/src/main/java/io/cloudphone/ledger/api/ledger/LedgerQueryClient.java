package io.cloudphone.ledger.api.ledger;

import io.cloudphone.ledger.api.security.ServiceToken;
import java.net.http.HttpClient;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads balances and decisions from the ledger's interactive-query API (stream-apps), which routes each
 * account to the instance that hosts it. Absent means the ledger has not decided yet.
 */
@Component
public class LedgerQueryClient {

    private static final long RETRY_AFTER_SECONDS = 1;

    private final RestClient ledger;

    public LedgerQueryClient(LedgerQueryProperties properties, ServiceToken serviceToken) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        this.ledger = RestClient.builder().baseUrl(properties.baseUrl()).requestFactory(requests)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.AUTHORIZATION, serviceToken.bearer());
                    return execution.execute(request, body);
                })
                .build();
    }

    /** The balance as the ledger holds it. */
    public record LedgerBalance(String accountId, String currency, long balance, long available, long version) {
    }

    /** The ledger's decision on one request. */
    public record LedgerDecision(String requestId, String accountId, String outcome, String rejectionCode,
                                 String reason, long balanceAfter, long availableAfter, long versionAfter,
                                 String decidedAt) {
    }

    public Optional<LedgerBalance> balance(String accountId) {
        return get(LedgerBalance.class, "/ledger/v1/accounts/{accountId}/balance", accountId);
    }

    public Optional<LedgerDecision> decision(String accountId, String requestId) {
        return get(LedgerDecision.class, "/ledger/v1/accounts/{accountId}/decisions/{requestId}", accountId, requestId);
    }

    private <T> Optional<T> get(Class<T> type, String path, Object... variables) {
        try {
            return Optional.ofNullable(ledger.get().uri(path, variables).retrieve().body(type));
        } catch (HttpStatusCodeException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw new LedgerUnavailableException("ledger answered " + e.getStatusCode().value(), RETRY_AFTER_SECONDS, e);
        } catch (RestClientException e) {
            throw new LedgerUnavailableException("ledger query API unreachable: " + e.getMessage(), RETRY_AFTER_SECONDS, e);
        }
    }
}
