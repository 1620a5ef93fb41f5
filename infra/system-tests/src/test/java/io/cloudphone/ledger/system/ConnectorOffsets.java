package io.cloudphone.ledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudphone.ledger.launcher.component.Connect;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * Rewinds the outbox connector as an operator would through Kafka Connect's REST API (KIP-875): stop it, delete its
 * offsets, resume it. With no offsets, Debezium ({@code snapshot.mode=initial}) snapshots {@code outbox_event} again
 * and so delivers every outbox row a second time: duplicates made by the real connector, not by the test.
 */
public final class ConnectorOffsets {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STATE_TIMEOUT = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private ConnectorOffsets() {
    }

    public static void rewindToTheStart() {
        call("PUT", "/stop", 204);
        awaitState("STOPPED");
        call("DELETE", "/offsets", 200);
        call("PUT", "/resume", 202);
        awaitState("RUNNING");
    }

    private static void awaitState(String state) {
        Awaitility.await("connector " + Connect.CONNECTOR + " " + state).atMost(STATE_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode status = JSON.readTree(call("GET", "/status", 200));
                    return status.path("connector").path("state").asText().equals(state);
                });
    }

    private static String call(String method, String path, int expectedStatus) {
        URI uri = URI.create("http://127.0.0.1:" + LocalStack.port("CPL_CONNECT_PORT") + "/connectors/"
                + Connect.CONNECTOR + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(method + " " + uri + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
