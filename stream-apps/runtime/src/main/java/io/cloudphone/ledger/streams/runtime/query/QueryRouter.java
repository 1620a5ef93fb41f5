package io.cloudphone.ledger.streams.runtime.query;

import io.cloudphone.ledger.streams.runtime.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Answers an interactive query from whichever instance is asked: a key hosted here is read here, a key hosted
 * elsewhere is forwarded once to its host (application.server + queryMetadataForKey), with the caller's token,
 * which the host checks as this instance did. The answer names the instance that read it.
 */
public class QueryRouter {

    /** Marks a forwarded query so that a stale routing table cannot bounce it between instances. */
    public static final String FORWARDED_HEADER = "X-Cpl-Forwarded";
    /** Which instance (host:port) read the answer from its store: for operators, and to test the routing. */
    public static final String SERVED_BY_HEADER = "X-Cpl-Served-By";
    /** A peer that takes longer than this is treated as unavailable; the caller retries. */
    static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);

    private final StoreQueries queries;
    private final RestClient forwarder;

    public QueryRouter(StoreQueries queries) {
        this.queries = queries;
        var requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(FORWARD_TIMEOUT);
        this.forwarder = RestClient.builder().requestFactory(requests).build();
    }

    /**
     * @param store  a store partitioned like the key (its metadata finds the host)
     * @param answer reads the answer from this instance's stores at the key's location
     */
    public ResponseEntity<?> routed(String store, String key, HttpServletRequest request,
                                    Function<KeyLocation, ResponseEntity<?>> answer) {
        KeyLocation location = queries.locate(store, key);
        if (location.local()) {
            ResponseEntity<?> local = answer.apply(location);
            return ResponseEntity.status(local.getStatusCode()).headers(local.getHeaders())
                    .header(SERVED_BY_HEADER, location.hostAndPort()).body(local.getBody());
        }
        if (request.getHeader(FORWARDED_HEADER) != null) {
            throw new StoreUnavailableException("routing is changing: " + location.host() + " does not host the key");
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String url = "http://" + location.hostAndPort() + request.getRequestURI() + query;
        try {
            ResponseEntity<String> remote = forwarder.get().uri(url).header(FORWARDED_HEADER, "1")
                    .header(HttpHeaders.AUTHORIZATION, request.getHeader(HttpHeaders.AUTHORIZATION))
                    .retrieve().toEntity(String.class);
            return relayed(remote.getStatusCode(), remote.getHeaders(), remote.getBody());
        } catch (HttpStatusCodeException e) {
            return relayed(e.getStatusCode(), e.getResponseHeaders(), e.getResponseBodyAsString());
        } catch (RestClientException e) {
            throw new StoreUnavailableException("instance " + location.host() + " unreachable: " + e.getMessage(), e);
        }
    }

    /** The host's answer as it gave it: status, content type, which instance served it, body. */
    private static ResponseEntity<String> relayed(HttpStatusCode status, HttpHeaders remote, String body) {
        ResponseEntity.BodyBuilder relayed = ResponseEntity.status(status);
        if (remote != null) {
            if (remote.getContentType() != null) {
                relayed.contentType(remote.getContentType());
            }
            if (remote.getFirst(SERVED_BY_HEADER) != null) {
                relayed.header(SERVED_BY_HEADER, remote.getFirst(SERVED_BY_HEADER));
            }
            if (remote.getFirst(HttpHeaders.RETRY_AFTER) != null) {
                relayed.header(HttpHeaders.RETRY_AFTER, remote.getFirst(HttpHeaders.RETRY_AFTER));
            }
        }
        return relayed.body(body);
    }
}
