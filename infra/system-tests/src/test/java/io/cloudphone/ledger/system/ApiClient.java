package io.cloudphone.ledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A plain HTTP client for the REST API, as any outside client would use it: anonymous, or carrying one
 * bearer token ({@link #withToken}).
 */
public final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private final String baseUrl;
    private final String bearerToken;

    public ApiClient(String baseUrl) {
        this(baseUrl, null);
    }

    private ApiClient(String baseUrl, String bearerToken) {
        this.baseUrl = baseUrl;
        this.bearerToken = bearerToken;
    }

    /** The same API, every request carrying {@code Authorization: Bearer <token>}. */
    public ApiClient withToken(String token) {
        return new ApiClient(baseUrl, token);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public record Response(int status, String contentType, JsonNode body, String rawBody, Map<String, java.util.List<String>> headers) {
    }

    public Response get(String path) {
        return get(path, Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    public Response post(String path, String json) {
        return post(path, json, Map.of());
    }

    public Response post(String path, String json, Map<String, String> headers) {
        return withBody("POST", path, HttpRequest.BodyPublishers.ofString(json), headers);
    }

    public Response put(String path, String json) {
        return withBody("PUT", path, HttpRequest.BodyPublishers.ofString(json), Map.of());
    }

    public Response patch(String path, String json) {
        return withBody("PATCH", path, HttpRequest.BodyPublishers.ofString(json), Map.of());
    }

    /** For bodies of a given publisher: e.g. one without a length, sent chunked. */
    public Response withBody(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, body);
        headers.forEach(request::header);
        return send(request);
    }

    private Response send(HttpRequest.Builder request) {
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode parsed = body == null || body.isBlank() ? JSON.nullNode() : parse(body);
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    parsed, body, response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + baseUrl + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
