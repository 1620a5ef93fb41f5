package io.cloudphone.ledger.simulator.payment.web;

import io.cloudphone.ledger.provider.MerchantNumbers;
import io.cloudphone.ledger.provider.RefundState;
import io.cloudphone.ledger.simulator.payment.book.Book;
import io.cloudphone.ledger.simulator.payment.book.Result;
import io.cloudphone.ledger.simulator.payment.book.SimulatorError;
import io.cloudphone.ledger.simulator.payment.book.Views;
import io.cloudphone.ledger.simulator.payment.fault.FaultSettings;
import io.cloudphone.ledger.simulator.payment.fault.Faults;
import io.cloudphone.ledger.simulator.payment.notification.DeliveryRecord;
import io.cloudphone.ledger.simulator.payment.notification.NotificationDeliveries;
import io.cloudphone.ledger.simulator.payment.notification.SimulatorKeys;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What tests and the README walkthrough do to the simulated world: the customer pays, faults are set or armed, the
 * book and the notifications are read, everything is reset. No fault applies here.
 */
@RestController
@RequestMapping("/control")
class ControlController {

    static final int LIST_LIMIT_MAX = 10_000;

    private final Book book;
    private final Faults faults;
    private final NotificationDeliveries deliveries;
    private final SimulatorKeys keys;

    ControlController(Book book, Faults faults, NotificationDeliveries deliveries, SimulatorKeys keys) {
        this.book = book;
        this.faults = faults;
        this.deliveries = deliveries;
        this.keys = keys;
    }

    record FaultsView(FaultSettings settings, Faults.Injected injected) {
    }

    record Message(String message) {
    }

    @PostMapping("/charges/{merchantOrderNo}/pay")
    ResponseEntity<Object> pay(@PathVariable String merchantOrderNo) {
        return Answers.of(book.customerPays(valid(merchantOrderNo)));
    }

    @PostMapping("/charges/{merchantOrderNo}/fail")
    ResponseEntity<Object> failPayment(@PathVariable String merchantOrderNo) {
        return Answers.of(book.paymentFails(valid(merchantOrderNo)));
    }

    @PostMapping("/charges/{merchantOrderNo}/pay-on-close")
    ResponseEntity<Object> payOnClose(@PathVariable String merchantOrderNo) {
        return Answers.of(book.payOnClose(valid(merchantOrderNo)));
    }

    @PostMapping("/refunds/{merchantRefundNo}/fail")
    ResponseEntity<Object> failRefund(@PathVariable String merchantRefundNo,
                                      @RequestBody(required = false) Bodies.FailRefund body) {
        RefundState outcome = body == null || body.status() == null ? RefundState.CLOSED : body.status();
        return switch (book.failRefund(valid(merchantRefundNo), outcome)) {
            case Result.Done<String> done ->
                    ResponseEntity.ok(new Message(done.value()));
            case Result.Refused<String> refused ->
                    Answers.error(refused.error(), refused.message());
        };
    }

    @PostMapping("/refunds/{merchantRefundNo}/reverse")
    ResponseEntity<Object> reverseRefund(@PathVariable String merchantRefundNo) {
        return Answers.of(book.reverseRefund(valid(merchantRefundNo)));
    }

    @GetMapping("/faults")
    FaultsView faults() {
        return new FaultsView(faults.settings(), faults.injected());
    }

    @PutMapping("/faults")
    FaultsView setFaults(@RequestBody FaultSettings settings) {
        faults.set(settings);
        return faults();
    }

    @PostMapping("/reset")
    ResponseEntity<Void> reset() {
        faults.reset();
        deliveries.reset();
        book.reset();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/book")
    Views.Page book(@RequestParam(defaultValue = "1000") int limit) {
        return book.entries(limit(limit));
    }

    @GetMapping("/book/{merchantOrderNo}")
    ResponseEntity<Object> bookEntry(@PathVariable String merchantOrderNo) {
        return book.entry(valid(merchantOrderNo)).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> Answers.error(SimulatorError.NO_SUCH_CHARGE, "no charge " + merchantOrderNo
                        + " in the book"));
    }

    @GetMapping("/notifications")
    List<DeliveryRecord.View> notifications(@RequestParam(required = false) String merchantOrderNo,
                                            @RequestParam(defaultValue = "1000") int limit) {
        return deliveries.deliveries(merchantOrderNo == null ? null : valid(merchantOrderNo), limit(limit));
    }

    @GetMapping("/keys")
    SimulatorKeys.View keys() {
        return keys.view();
    }

    private static String valid(String number) {
        return MerchantNumbers.requireValid(number, "number");
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > LIST_LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be 1 to " + LIST_LIMIT_MAX + ", was " + limit);
        }
        return limit;
    }
}
