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
import org.HdrHistogram.Histogram;

/**
 * Measures the time from a command's 202 Accepted to its decision being visible at the status URL,
 * for requests sent one after another against a running system (infra/bin/stack run).
 *
 * <p>Usage: {@code java -cp infra/target/classes:... DecisionLatencyProbe [apiBaseUrl] [requests]}; see
 * infra/bin/latency-probe. The poll interval (1 ms) bounds the resolution; polling is itself load.
 */
public final class DecisionLatencyProbe {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(1);
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final int REQUESTS_MAX = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private final String api;
    private String token;

    private DecisionLatencyProbe(String api) {
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        String api = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        if (requests < 1 || requests > REQUESTS_MAX) {
            throw new IllegalArgumentException("requests must be 1.." + REQUESTS_MAX + ", was " + requests);
        }
        Histogram latencies = new DecisionLatencyProbe(api).run(requests);
        System.out.println("requests=" + latencies.getTotalCount() + " accepted->decided ms: " + Stats.of(latencies));
    }

    private Histogram run(int requests) throws Exception {
        logInAsNewUser();
        String accountId = "probe-" + UUID.randomUUID();
        awaitDecision(post("/v1/accounts", "{\"accountId\":\"" + accountId + "\",\"currency\":\"CNY\"}"));
        awaitDecision(post("/v1/accounts/" + accountId + "/recharges", "{\"amount\":" + requests + ",\"currency\":\"CNY\"}"));
        Histogram latencies = Stats.newHistogram();
        for (int i = 1; i <= requests; i++) {
            JsonNode accepted = post("/v1/accounts/" + accountId + "/consumptions", "{\"amount\":1,\"currency\":\"CNY\"}");
            long acceptedAt = System.nanoTime();
            awaitDecision(accepted);
            Stats.record(latencies, System.nanoTime() - acceptedAt);
            if (i % 10 == 0) {
                System.err.printf("probe: %d/%d requests decided%n", i, requests);
            }
        }
        return latencies;
    }

    /** Every API call needs a bearer token: the probe registers a user of its own and logs in. */
    private void logInAsNewUser() throws IOException, InterruptedException {
        String username = "probe-" + UUID.randomUUID().toString().substring(0, 12);
        String password = UUID.randomUUID().toString();
        send("/v1/auth/register", "{\"username\":\"" + username + "\",\"email\":\"" + username
                + "@example.com\",\"password\":\"" + password + "\"}", 201);
        JsonNode loggedIn = send("/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", 200);
        token = loggedIn.path("accessToken").asText();
    }

    private JsonNode send(String path, String body, int expectedStatus) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void awaitDecision(JsonNode accepted) throws IOException, InterruptedException {
        URI statusUrl = URI.create(api + accepted.path("statusUrl").asText());
        long deadline = System.nanoTime() + DECISION_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(statusUrl).timeout(HTTP_TIMEOUT)
                            .header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && !"PENDING".equals(JSON.readTree(response.body()).path("status").asText())) {
                return;
            }
            Thread.sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException("no decision within " + DECISION_TIMEOUT + " at " + statusUrl);
    }
}
