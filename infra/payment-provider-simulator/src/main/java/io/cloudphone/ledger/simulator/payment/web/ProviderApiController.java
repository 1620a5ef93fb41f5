package io.cloudphone.ledger.simulator.payment.web;

import io.cloudphone.ledger.provider.MerchantNumbers;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.simulator.payment.book.Book;
import io.cloudphone.ledger.simulator.payment.book.SimulatorError;
import io.cloudphone.ledger.simulator.payment.fault.CallFate;
import io.cloudphone.ledger.simulator.payment.fault.FaultSettings;
import io.cloudphone.ledger.simulator.payment.fault.Faults;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated providers' API, one per slug ({@code wechat-pay}, {@code alipay}, {@code stripe}), each call under
 * the faults in force: latency, then a failure (503, no effect) or a time-out (effect, then the answer held).
 */
@RestController
@RequestMapping("/{slug}")
class ProviderApiController {

    private final Book book;
    private final Faults faults;

    ProviderApiController(Book book, Faults faults) {
        this.book = book;
        this.faults = faults;
    }

    @PostMapping("/charges")
    ResponseEntity<Object> charge(@PathVariable String slug, @RequestBody Bodies.Charge body) {
        ProviderName provider = provider(slug);
        return faulted(() -> Answers.ofCreation(book.charge(provider, body.toRequest())));
    }

    @GetMapping("/charges/{merchantOrderNo}")
    ResponseEntity<Object> queryCharge(@PathVariable String slug, @PathVariable String merchantOrderNo) {
        ProviderName provider = provider(slug);
        MerchantNumbers.requireValid(merchantOrderNo, "merchantOrderNo");
        return faulted(() -> Answers.of(book.queryCharge(provider, merchantOrderNo)));
    }

    @PostMapping("/charges/{merchantOrderNo}/close")
    ResponseEntity<Object> close(@PathVariable String slug, @PathVariable String merchantOrderNo) {
        ProviderName provider = provider(slug);
        MerchantNumbers.requireValid(merchantOrderNo, "merchantOrderNo");
        return faulted(() -> Answers.of(book.close(provider, merchantOrderNo)));
    }

    @PostMapping("/refunds")
    ResponseEntity<Object> refund(@PathVariable String slug, @RequestBody Bodies.Refund body) {
        ProviderName provider = provider(slug);
        return faulted(() -> Answers.ofCreation(book.refund(provider, body.toRequest())));
    }

    @GetMapping("/refunds/{merchantRefundNo}")
    ResponseEntity<Object> queryRefund(@PathVariable String slug, @PathVariable String merchantRefundNo) {
        ProviderName provider = provider(slug);
        MerchantNumbers.requireValid(merchantRefundNo, "merchantRefundNo");
        return faulted(() -> Answers.of(book.queryRefund(provider, merchantRefundNo)));
    }

    private ResponseEntity<Object> faulted(Supplier<ResponseEntity<Object>> call) {
        FaultSettings settings = faults.settings();
        sleep(settings.latencyMillis());
        CallFate fate = faults.nextCall();
        if (fate == CallFate.FAIL) {
            return Answers.error(SimulatorError.SYSTEM_ERROR, "injected failure (failureRate): nothing was done");
        }
        ResponseEntity<Object> answer = call.get();
        if (fate == CallFate.HOLD) {
            sleep(settings.timeoutHoldMillis());
        }
        return answer;
    }

    private static ProviderName provider(String slug) {
        try {
            return ProviderName.fromSlug(slug);
        } catch (IllegalArgumentException e) {
            throw new SimulatorException(SimulatorError.NO_SUCH_PROVIDER, e.getMessage());
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
