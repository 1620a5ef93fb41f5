package io.cloudphone.ledger.streams.payments.query;

import io.cloudphone.ledger.platform.openapi.Access;
import io.cloudphone.ledger.platform.paging.PageRequest;
import io.cloudphone.ledger.streams.payments.PaymentsStores;
import io.cloudphone.ledger.streams.runtime.query.QueryRouter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Interactive queries over the payments app's stores: an order's case routed by the runtime's {@link QueryRouter}
 * to the instance that hosts it, and the stuck view of this instance's share.
 */
@RestController
@RequestMapping("/payments/v1")
class PaymentsQueryController {

    private final PaymentsQueryService queries;
    private final QueryRouter router;

    PaymentsQueryController(PaymentsQueryService queries, QueryRouter router) {
        this.queries = queries;
        this.router = router;
    }

    /** The order, its payment, refunds and invoice, each with its state and next action, and its history. */
    @Access("payments:read (operators)")
    @GetMapping("/orders/{orderId}")
    ResponseEntity<?> order(@PathVariable String orderId, HttpServletRequest request) {
        return router.routed(PaymentsStores.CASES, orderId, request, location -> queries.order(location, orderId)
                .<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build()));
    }

    /**
     * Everything neither final nor resting for at least {@code olderThan} (ISO-8601 duration, default PT0S), oldest
     * first, at most {@code limit} (1 to 200, default 50). Only this instance's share: run one instance, or ask each.
     */
    @Access("payments:read (operators)")
    @GetMapping("/stuck")
    ResponseEntity<List<StuckItem>> stuck(@RequestParam(required = false) Duration olderThan,
                                          @RequestParam(required = false) Integer limit) {
        PageRequest page = PageRequest.of(limit, null, 1);
        Duration age = olderThan == null ? Duration.ZERO : olderThan;
        return ResponseEntity.ok(queries.stuck(age.isNegative() ? Duration.ZERO : age, page.limit()));
    }
}
