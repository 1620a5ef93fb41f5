package io.cloudphone.ledger.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One error format on both apps (issue 11, Why 5): what Tomcat refuses before any servlet (bad path encodings),
 * what the security firewall rejects (matrix parameters, encoded dots), a method nobody serves, {@code /error} asked
 * for directly, and a 401 for a forged token are all problem+json, 4xx, and say nothing of the server's internals.
 */
@ExtendWith(RunningSystem.class)
class ErrorFormatIT {

    private static final List<String> REFUSED_PATHS = List.of("/v1/accounts/a%00b/balance", "/v1/accounts/a%2fb/balance",
            "/v1/accounts/a%5cb/balance", "/v1/accounts;x=1/a/balance", "/v1/accounts/%2e%2e/balance", "/error");

    @Test
    void whatNeverReachesAControllerIsProblemJsonOnBothApps(Apps apps) {
        for (ApiClient app : List.of(apps.api(), apps.ledger().client())) {
            for (String path : REFUSED_PATHS) {
                assertProblem(app.get(path), app.baseUrl() + path);
            }
            assertProblem(app.withBody("TRACE", "/v1/accounts", HttpRequest.BodyPublishers.noBody(), Map.of()),
                    "TRACE on " + app.baseUrl());
        }
    }

    @Test
    void aForgedTokenIsRefusedWithoutTheVerifiersWords(Apps apps) {
        for (ApiClient app : List.of(apps.api(), apps.ledger().client())) {
            Response refused = app.withToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").get("/v1/users/me");

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body().path("detail").asText()).isEqualTo("a valid bearer token is required (missing, "
                    + "expired, for another audience or not signed by a trusted issuer)");
        }
    }

    private static void assertProblem(Response response, String what) {
        assertThat(response.status()).as(what + ": " + response.rawBody()).isBetween(400, 499);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).as(what).isEqualTo(response.status());
        assertThat(response.rawBody()).as(what).doesNotContainIgnoringCase("tomcat").doesNotContain("<html")
                .doesNotContain("Exception");
    }
}
