package io.cloudphone.ledger.api.ledger;

import io.cloudphone.ledger.platform.paging.Page;
import io.cloudphone.ledger.platform.security.ServiceToken;
import io.cloudphone.ledger.schemas.query.BalanceView;
import io.cloudphone.ledger.schemas.query.DecisionView;
import io.cloudphone.ledger.schemas.query.EntryView;
import io.cloudphone.ledger.schemas.query.HoldView;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

/**
 * Reads the ledger's interactive-query API (stream-apps), which routes each account to the instance that
 * hosts it. Empty means the ledger does not know it (yet). A ledger that cannot answer (starting,
 * rebalancing, unreachable) is a {@link LedgerUnavailableException}: a 503 with Retry-After for the client.
 */
@Component
public class LedgerQueryClient {

    private static final long RETRY_AFTER_SECONDS = 1;
    private static final String ACCOUNT = "/ledger/v1/accounts/{accountId}";
    private static final ParameterizedTypeReference<Page<EntryView>> ENTRIES_PAGE = new ParameterizedTypeReference<>() {
    };

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

    public Optional<BalanceView> balance(String accountId) {
        return get(BalanceView.class, uri -> uri.path(ACCOUNT + "/balance").build(accountId));
    }

    public Optional<BalanceView> balanceAsOfVersion(String accountId, long version) {
        return get(BalanceView.class, uri -> uri.path(ACCOUNT + "/balance").queryParam("asOfVersion", version)
                .build(accountId));
    }

    public Optional<BalanceView> balanceAsOf(String accountId, Instant time) {
        // As a template variable, so that it is encoded whole: a year past 9999 starts with '+', which a bare query
        // value would send as a space.
        return get(BalanceView.class, uri -> uri.path(ACCOUNT + "/balance").queryParam("asOf", "{asOf}")
                .build(accountId, time.toString()));
    }

    public Optional<DecisionView> decision(String accountId, String requestId) {
        return get(DecisionView.class, uri -> uri.path(ACCOUNT + "/decisions/{requestId}").build(accountId, requestId));
    }

    public Optional<HoldView> hold(String accountId, String holdId) {
        return get(HoldView.class, uri -> uri.path(ACCOUNT + "/holds/{holdId}").build(accountId, holdId));
    }

    /** A page of the account's entries; {@code after} is a cursor of the ledger's own, passed through as it is. */
    public Optional<Page<EntryView>> entries(String accountId, Optional<String> after, int limit) {
        return get(ENTRIES_PAGE, uri -> {
            uri.path(ACCOUNT + "/entries").queryParam("limit", limit);
            after.ifPresent(cursor -> uri.queryParam("after", "{after}"));
            return after.isPresent() ? uri.build(accountId, after.get()) : uri.build(accountId);
        });
    }

    private <T> Optional<T> get(Class<T> type, Function<UriBuilder, java.net.URI> uri) {
        return get(ParameterizedTypeReference.forType(type), uri);
    }

    private <T> Optional<T> get(ParameterizedTypeReference<T> type, Function<UriBuilder, java.net.URI> uri) {
        try {
            return Optional.ofNullable(ledger.get().uri(uri).retrieve().body(type));
        } catch (HttpStatusCodeException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            if (e.getStatusCode().value() == HttpStatus.UNPROCESSABLE_CONTENT.value()) {
                throw new LedgerRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "that state lies too far back for a "
                        + "read by time; read it by version (asOfVersion) instead");
            }
            if (e.getStatusCode().value() == HttpStatus.BAD_REQUEST.value()) {
                // The query itself, which command-api built from what the client gave: no retry will change it.
                throw new LedgerRefusedException(HttpStatus.BAD_REQUEST, "the ledger cannot read this query");
            }
            throw new LedgerUnavailableException("ledger answered " + e.getStatusCode().value(), RETRY_AFTER_SECONDS, e);
        } catch (RestClientException e) {
            throw new LedgerUnavailableException("ledger query API unreachable: " + e.getMessage(), RETRY_AFTER_SECONDS, e);
        }
    }

    /** The ledger refused the query itself (a 4xx other than 404): the client's to change, not to retry. */
    public static final class LedgerRefusedException extends RuntimeException {
        private final HttpStatus status;

        LedgerRefusedException(HttpStatus status, String reason) {
            super(reason);
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }
}
