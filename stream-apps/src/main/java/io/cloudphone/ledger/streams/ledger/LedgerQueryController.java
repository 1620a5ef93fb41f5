package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.query.BalanceView;
import io.cloudphone.ledger.schemas.query.DecisionView;
import io.cloudphone.ledger.schemas.query.EntriesPage;
import io.cloudphone.ledger.schemas.query.EntryView;
import io.cloudphone.ledger.schemas.query.HoldView;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Interactive queries over the ledger's stores, answered by whichever instance is asked: a key hosted
 * elsewhere is forwarded once to its host (application.server + queryMetadataForKey). Consumed by
 * command-api, which serves the public API, and by operators' dashboards.
 */
@RestController
@RequestMapping("/ledger/v1/accounts/{accountId}")
class LedgerQueryController {

    /** Marks a forwarded query so that a stale routing table cannot bounce it between instances. */
    static final String FORWARDED_HEADER = "X-Cpl-Forwarded";
    /** Which instance (host:port) read the answer from its store: for operators, and to test the routing. */
    static final String SERVED_BY_HEADER = "X-Cpl-Served-By";
    /** A peer that takes longer than this is treated as unavailable; the caller retries. */
    static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);

    private final LedgerQueryService queries;
    private final RestClient forwarder;

    LedgerQueryController(LedgerQueryService queries) {
        this.queries = queries;
        var requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(FORWARD_TIMEOUT);
        this.forwarder = RestClient.builder().requestFactory(requests).build();
    }

    /** Current numbers; or, with {@code asOfVersion} or {@code asOf} (ISO-8601 instant), past ones. */
    @GetMapping("/balance")
    ResponseEntity<?> balance(@PathVariable String accountId, @RequestParam(required = false) Long asOfVersion,
                              @RequestParam(required = false) Instant asOf, HttpServletRequest request) {
        return routed(accountId, request, location -> {
            if (asOfVersion != null) {
                return found(queries.balanceAsOfVersion(location, accountId, asOfVersion).map(LedgerQueryController::past));
            }
            if (asOf != null) {
                return found(queries.balanceAsOfTime(location, accountId, asOf).map(LedgerQueryController::past));
            }
            return found(queries.balance(location, accountId).map(BalanceView::of));
        });
    }

    @GetMapping("/decisions/{requestId}")
    ResponseEntity<?> decision(@PathVariable String accountId, @PathVariable String requestId,
                               HttpServletRequest request) {
        return routed(accountId, request, location -> found(queries.decision(location, requestId)
                .filter(decision -> decision.getAccountId().equals(accountId)).map(DecisionView::of)));
    }

    @GetMapping("/holds/{holdId}")
    ResponseEntity<?> hold(@PathVariable String accountId, @PathVariable String holdId, HttpServletRequest request) {
        return routed(accountId, request, location -> found(queries.hold(location, holdId)
                .filter(hold -> hold.getAccountId().equals(accountId)).map(HoldView::of)));
    }

    /** Entries newest first; {@code beforeVersion} pages back (use the previous page's nextBeforeVersion). */
    @GetMapping("/entries")
    ResponseEntity<?> entries(@PathVariable String accountId,
                              @RequestParam(defaultValue = "9223372036854775807") long beforeVersion,
                              @RequestParam(defaultValue = "50") int limit, HttpServletRequest request) {
        return routed(accountId, request, location -> {
            if (queries.balance(location, accountId).isEmpty()) {
                return ResponseEntity.notFound().build();
            }
            LedgerQueryService.EntriesPage page = queries.entries(location, accountId, beforeVersion, limit);
            return ResponseEntity.ok(new EntriesPage(page.entries().stream().map(EntryView::of).toList(),
                    page.nextBeforeVersion()));
        });
    }

    private ResponseEntity<?> routed(String accountId, HttpServletRequest request,
                                     Function<LedgerQueryService.Location, ResponseEntity<?>> answer) {
        LedgerQueryService.Location location = queries.locate(accountId);
        if (location.local()) {
            ResponseEntity<?> local = answer.apply(location);
            return ResponseEntity.status(local.getStatusCode()).headers(local.getHeaders())
                    .header(SERVED_BY_HEADER, location.host().host() + ":" + location.host().port()).body(local.getBody());
        }
        if (request.getHeader(FORWARDED_HEADER) != null) {
            throw new StoreUnavailableException("routing is changing: " + location.host() + " does not host the key");
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String url = "http://" + location.host().host() + ":" + location.host().port() + request.getRequestURI() + query;
        try {
            // The caller's token goes along: the host checks it as this instance did.
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

    /** A past state: the overdraft limit of the time is not kept, so it is left out. */
    private static BalanceView past(LedgerQueryService.BalanceAt past) {
        return new BalanceView(past.accountId(), past.currency(), past.balance(), past.available(), past.held(), null,
                past.version());
    }

    private static ResponseEntity<?> found(Optional<?> value) {
        return value.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
