package io.cloudphone.ledger.streams.ledger.query;

import io.cloudphone.ledger.platform.openapi.Access;
import io.cloudphone.ledger.platform.paging.Page;
import io.cloudphone.ledger.platform.paging.PageRequest;
import io.cloudphone.ledger.schemas.query.BalanceView;
import io.cloudphone.ledger.schemas.query.DecisionView;
import io.cloudphone.ledger.schemas.query.EntryView;
import io.cloudphone.ledger.schemas.query.HoldView;
import io.cloudphone.ledger.streams.ledger.LedgerStores;
import io.cloudphone.ledger.streams.runtime.query.KeyLocation;
import io.cloudphone.ledger.streams.runtime.query.QueryRouter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Interactive queries over the ledger's stores, answered by whichever instance is asked: the runtime's
 * {@link QueryRouter} reads here or forwards once to the account's host. Consumed by command-api, which serves
 * the public API, and by operators' dashboards.
 */
@RestController
@RequestMapping("/ledger/v1/accounts/{accountId}")
class LedgerQueryController {

    private final LedgerQueryService queries;
    private final QueryRouter router;

    LedgerQueryController(LedgerQueryService queries, QueryRouter router) {
        this.queries = queries;
        this.router = router;
    }

    /** Current numbers; or, with {@code asOfVersion} or {@code asOf} (ISO-8601 instant), past ones. */
    @Access("ledger:read (command-api's service token, operators)")
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

    @Access("ledger:read (command-api's service token, operators)")
    @GetMapping("/decisions/{requestId}")
    ResponseEntity<?> decision(@PathVariable String accountId, @PathVariable String requestId,
                               HttpServletRequest request) {
        return routed(accountId, request, location -> found(queries.decision(location, requestId)
                .filter(decision -> decision.getAccountId().equals(accountId)).map(DecisionView::of)));
    }

    @Access("ledger:read (command-api's service token, operators)")
    @GetMapping("/holds/{holdId}")
    ResponseEntity<?> hold(@PathVariable String accountId, @PathVariable String holdId, HttpServletRequest request) {
        return routed(accountId, request, location -> found(queries.hold(location, holdId)
                .filter(hold -> hold.getAccountId().equals(accountId)).map(HoldView::of)));
    }

    /** Entries newest first, a page at a time; the cursor is the version to page back from. */
    @Access("ledger:read (command-api's service token, operators)")
    @GetMapping("/entries")
    ResponseEntity<?> entries(@PathVariable String accountId, @RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) String after, HttpServletRequest request) {
        PageRequest page = PageRequest.of(limit, after, 1);
        long beforeVersion = page.after(0, Long::parseLong).orElse(Long.MAX_VALUE);
        return routed(accountId, request, location -> {
            if (queries.balance(location, accountId).isEmpty()) {
                return ResponseEntity.notFound().build();
            }
            LedgerQueryService.EntriesRead read = queries.entries(location, accountId, beforeVersion, page.limit());
            Long next = read.nextBeforeVersion();
            return ResponseEntity.ok(Page.continuing(read.entries().stream().map(EntryView::of).toList(),
                    next == null ? null : List.of(Long.toString(next))));
        });
    }

    /** Every store is partitioned by account: the balances store's metadata finds the account's instance. */
    private ResponseEntity<?> routed(String accountId, HttpServletRequest request,
                                     Function<KeyLocation, ResponseEntity<?>> answer) {
        return router.routed(LedgerStores.BALANCES, accountId, request, answer);
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
