package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Interactive queries over the ledger's stores, answered by whichever instance is asked: a key hosted
 * elsewhere is forwarded once to its host. Consumed by command-api, which serves the public API.
 */
@RestController
@RequestMapping("/ledger/v1/accounts/{accountId}")
class LedgerQueryController {

    /** Marks a forwarded query so that a stale routing table cannot bounce it between instances. */
    static final String FORWARDED_HEADER = "X-Cpl-Forwarded";
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

    @GetMapping("/balance")
    ResponseEntity<?> balance(@PathVariable String accountId,
                              @RequestHeader(value = FORWARDED_HEADER, required = false) String forwarded,
                              @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        var location = queries.locate(accountId);
        if (!location.local()) {
            return forward(location, "/ledger/v1/accounts/" + accountId + "/balance", forwarded, authorization);
        }
        return queries.balance(location, accountId)
                .<ResponseEntity<?>>map(balance -> ResponseEntity.ok(BalanceView.of(balance)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/decisions/{requestId}")
    ResponseEntity<?> decision(@PathVariable String accountId, @PathVariable String requestId,
                               @RequestHeader(value = FORWARDED_HEADER, required = false) String forwarded,
                               @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        var location = queries.locate(accountId);
        if (!location.local()) {
            return forward(location, "/ledger/v1/accounts/" + accountId + "/decisions/" + requestId, forwarded,
                    authorization);
        }
        return queries.decision(location, requestId)
                .filter(decision -> decision.getAccountId().equals(accountId))
                .<ResponseEntity<?>>map(decision -> ResponseEntity.ok(DecisionView.of(decision)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The caller's token goes along: the host checks it as this instance did. */
    private ResponseEntity<?> forward(LedgerQueryService.Location location, String path, String forwarded,
                                      String authorization) {
        if (forwarded != null) {
            throw new StoreUnavailableException("routing is changing: " + location.host() + " does not host the key");
        }
        String url = "http://" + location.host().host() + ":" + location.host().port() + path;
        try {
            return forwarder.get().uri(url).header(FORWARDED_HEADER, "1").header(HttpHeaders.AUTHORIZATION, authorization)
                    .retrieve().toEntity(String.class);
        } catch (HttpStatusCodeException e) {
            return ResponseEntity.status(e.getStatusCode()).body(e.getResponseBodyAsString());
        } catch (RestClientException e) {
            throw new StoreUnavailableException("instance " + location.host() + " unreachable: " + e.getMessage(), e);
        }
    }

    record BalanceView(String accountId, String currency, long balance, long available, long version) {
        static BalanceView of(AccountBalance balance) {
            return new BalanceView(balance.getAccountId(), balance.getCurrency(), balance.getBalance(),
                    balance.getAvailable(), balance.getVersion());
        }
    }

    record DecisionView(String requestId, String accountId, String outcome, String rejectionCode, String reason,
                        long balanceAfter, long availableAfter, long versionAfter, String decidedAt) {
        static DecisionView of(LedgerDecision decision) {
            return new DecisionView(decision.getRequestId(), decision.getAccountId(), decision.getOutcome().name(),
                    decision.getRejectionCode() == null ? null : decision.getRejectionCode().name(),
                    decision.getReason(), decision.getBalanceAfter(), decision.getAvailableAfter(),
                    decision.getVersionAfter(), decision.getDecidedAt().toString());
        }
    }
}
