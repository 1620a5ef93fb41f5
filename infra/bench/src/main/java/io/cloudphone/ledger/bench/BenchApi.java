package io.cloudphone.ledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The REST API as the benchmark's clients use it: one user, logged in, owning every account it opens. */
final class BenchApi {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    // HTTP/1.1 set explicitly: the default first tries an h2c upgrade on every new connection, which Tomcat refuses.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
            .build();
    private String token;

    BenchApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    BenchApi logInAsNewUser() throws IOException, InterruptedException {
        String username = "bench-" + UUID.randomUUID().toString().substring(0, 12);
        String password = UUID.randomUUID().toString();
        expect(201, post("/v1/auth/register", "{\"username\":\"%s\",\"email\":\"%s@example.com\",\"password\":\"%s\"}"
                .formatted(username, username, password), null));
        token = expect(200, post("/v1/auth/login", "{\"username\":\"%s\",\"password\":\"%s\"}"
                .formatted(username, password), null)).path("accessToken").asText();
        return this;
    }

    /** Opens an account in CNY; returns its id (the ledger opens it shortly after). */
    String openAccount() throws IOException, InterruptedException {
        String accountId = "bench-" + UUID.randomUUID();
        expect(202, post("/v1/accounts", "{\"accountId\":\"%s\",\"currency\":\"CNY\"}".formatted(accountId), null));
        return accountId;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** A lean connection to the same API for the load itself (see {@link KeepAliveHttp}). */
    KeepAliveHttp connection() {
        URI uri = URI.create(baseUrl);
        return new KeepAliveHttp(uri.getHost(), uri.getPort());
    }

    /** A recharge or consumption over a lean connection, with a fresh Idempotency-Key. */
    KeepAliveHttp.Answer move(KeepAliveHttp connection, String accountId, String kind, long amount) throws IOException {
        return connection.post("/v1/accounts/" + accountId + "/" + kind, token, UUID.randomUUID().toString(),
                "{\"amount\":" + amount + ",\"currency\":\"CNY\"}");
    }

    /** The request id of a 202 answer, without a JSON parser: the answer's shape is the API's own. */
    static String requestIdOf(String acceptedBody) {
        int start = acceptedBody.indexOf("\"requestId\":\"");
        if (start < 0) {
            throw new IllegalStateException("no requestId in " + acceptedBody);
        }
        start += 13;
        return acceptedBody.substring(start, acceptedBody.indexOf('"', start));
    }

    private HttpResponse<String> post(String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode expect(int status, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
