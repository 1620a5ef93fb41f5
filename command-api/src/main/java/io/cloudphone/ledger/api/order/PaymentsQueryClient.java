package io.cloudphone.ledger.api.order;

import tools.jackson.databind.JsonNode;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.platform.security.ServiceToken;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads an order's case from the payments app's query API, which routes it to the instance that hosts it. Empty:
 * the payments app has not decided anything of the order yet. One that cannot answer is a 503 with Retry-After.
 */
@Component
class PaymentsQueryClient {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final RestClient payments;

    PaymentsQueryClient(PaymentsQueryProperties properties, ServiceToken serviceToken) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        this.payments = RestClient.builder().baseUrl(properties.baseUrl()).requestFactory(requests)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.AUTHORIZATION, serviceToken.bearer());
                    return execution.execute(request, body);
                })
                .build();
    }

    Optional<JsonNode> orderCase(String orderId) {
        try {
            return Optional.ofNullable(payments.get().uri("/payments/v1/orders/{orderId}", orderId).retrieve()
                    .body(JsonNode.class));
        } catch (HttpStatusCodeException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw unavailable("the payments app answered " + e.getStatusCode().value());
        } catch (RestClientException e) {
            throw unavailable("the payments app's query API is unreachable: " + e.getMessage());
        }
    }

    private static ApiProblem unavailable(String detail) {
        return ApiProblem.retryAfter(CommandApiProblem.PAYMENTS_UNAVAILABLE, detail, RETRY_AFTER);
    }
}
