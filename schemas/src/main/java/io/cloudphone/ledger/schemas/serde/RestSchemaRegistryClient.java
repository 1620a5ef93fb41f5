package io.cloudphone.ledger.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Talks to a Confluent-compatible schema registry (Apicurio's /apis/ccompat/v7 here) over HTTP, and
 * caches ids and schemas: a schema id never changes meaning, so a cached answer is never stale.
 *
 * <p>Written by hand because Confluent's client is not on Maven Central; it needs three endpoints.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** A deployment has tens of schemas; thousands mean a caller is minting schemas in a loop. */
    static final int CACHE_ENTRIES_MAX = 10_000;
    /**
     * Attempts per request while the registry cannot answer, with the pause doubling from
     * {@link #RETRY_BACKOFF}: rides out a registry restart of a few seconds (3 pauses: 0.5 + 1 + 2 s).
     */
    static final int ATTEMPTS_MAX = 4;
    static final Duration RETRY_BACKOFF = Duration.ofMillis(500);

    private final URI baseUri;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public RestSchemaRegistryClient(String baseUrl, Duration connectTimeout, Duration requestTimeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        this.baseUri = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public int register(String subject, Schema schema) {
        return cachedId(subject, schema, true);
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return cachedId(subject, schema, false);
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send(HttpRequest.newBuilder(baseUri.resolve("schemas/ids/" + id)).GET(), "schema id " + id);
        Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
        remember(schemasById, id, schema);
        return schema;
    }

    /** Called for every record written: the hit path allocates one key and nothing else. */
    private int cachedId(String subject, Schema schema, boolean registerIfAbsent) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        String path = "subjects/" + encode(subject) + (registerIfAbsent ? "/versions" : "");
        String body;
        try {
            body = json.writeValueAsString(Map.of("schema", schema.toString(), "schemaType", "AVRO"));
        } catch (IOException e) {
            throw new SerdeException("cannot encode schema for subject " + subject, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", CONTENT_TYPE);
        JsonNode answer = send(request, "subject " + subject);
        if (!answer.has("id")) {
            throw new SerdeException("registry answered without an id for subject " + subject + ": " + answer);
        }
        int id = answer.get("id").asInt();
        remember(idsBySubjectSchema, key, id);
        remember(schemasById, id, schema);
        return id;
    }

    /**
     * One request, retried a bounded number of times while the registry cannot answer; a definite answer
     * (2xx, 404, 409, any other 4xx) is never retried.
     */
    private JsonNode send(HttpRequest.Builder request, String what) {
        HttpRequest built = request.timeout(requestTimeout).header("Accept", CONTENT_TYPE).build();
        RegistryUnavailableException lastFailure = null;
        for (int attempt = 1; attempt <= ATTEMPTS_MAX; attempt++) {
            if (attempt > 1) {
                pause(RETRY_BACKOFF.multipliedBy(1L << (attempt - 2)), what);
            }
            HttpResponse<String> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastFailure = new RegistryUnavailableException("schema registry at " + baseUri + " unreachable for "
                        + what + " after " + attempt + " attempt(s): " + e, e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnavailableException("interrupted while asking the schema registry for " + what, e);
            }
            int status = response.statusCode();
            if (status / 100 == 5 || status == 429) {
                lastFailure = new RegistryUnavailableException("schema registry answered " + status + " for " + what
                        + " after " + attempt + " attempt(s): " + response.body(), null);
                continue;
            }
            return parse(response, what);
        }
        throw lastFailure;
    }

    private JsonNode parse(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        if (status == 404) {
            throw new SchemaNotFoundException("schema registry has no " + what + ": " + response.body());
        }
        if (status == 409) {
            throw new IncompatibleSchemaException(what.replaceFirst("^subject ", ""), response.body());
        }
        if (status / 100 != 2) {
            throw new SerdeException("schema registry answered " + status + " for " + what + ": " + response.body());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new SerdeException("schema registry answered unparseable JSON for " + what, e);
        }
    }

    private static void pause(Duration backoff, String what) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while waiting to ask the schema registry for " + what, e);
        }
    }

    private static <K, V> void remember(Map<K, V> cache, K key, V value) {
        if (cache.size() >= CACHE_ENTRIES_MAX) {
            throw new SerdeException("more than " + CACHE_ENTRIES_MAX + " schemas cached: refusing to grow further");
        }
        cache.put(key, value);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }

    private record SubjectSchema(String subject, Schema schema) {
    }
}
