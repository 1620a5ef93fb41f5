package io.cloudphone.ledger.simulator.payment.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.provider.ChargeRequest;
import io.cloudphone.ledger.provider.ChargeState;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.RefundRequest;
import io.cloudphone.ledger.provider.RefundState;
import io.cloudphone.ledger.provider.notification.NotificationKind;
import io.cloudphone.ledger.provider.notification.ProviderNotification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BookTest {

    private static final ProviderName WECHAT = ProviderName.WECHAT_PAY;
    private static final Duration LATE = Duration.ofMillis(20);
    private static final ChargeRequest CHARGE = new ChargeRequest("order-0001", 1000, "CNY", "top-up");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final List<Runnable> timerTasks = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private Book book = book(new Book.Rules(100, 1000, 10, Duration.ofSeconds(1), LATE, Duration.ZERO));

    private record Sent(ProviderNotification notification, Duration delay) {
    }

    private Book book(Book.Rules rules) {
        return new Book(clock, (delay, task) -> timerTasks.add(task), (n, delay) -> sent.add(new Sent(n, delay)), rules);
    }

    private void endProcessing() {
        List<Runnable> due = List.copyOf(timerTasks);
        timerTasks.clear();
        due.forEach(Runnable::run);
    }

    private Views.Entry entry(String merchantOrderNo) {
        return book.entry(merchantOrderNo).orElseThrow();
    }

    private void paidCharge() {
        book.charge(WECHAT, CHARGE);
        book.customerPays(CHARGE.merchantOrderNo());
        sent.clear();
    }

    private static RefundRequest refund(String number, long amount) {
        return new RefundRequest(number, "order-0001", amount, "CNY", "changed my mind");
    }

    @Test
    void aChargeIsCreatedNotPaid() {
        Result<Views.Charge> created = book.charge(WECHAT, CHARGE);

        assertThat(created).isInstanceOf(Result.Done.class);
        Result.Done<Views.Charge> done = (Result.Done<Views.Charge>) created;
        assertThat(done.created()).isTrue();
        assertThat(done.value().status()).isEqualTo(ChargeState.NOT_PAID);
        assertThat(done.value().providerChargeId()).startsWith("sim-wechat-pay-ch-");
        assertThat(entry("order-0001").charged()).isZero();
    }

    @Test
    void aRetryWithTheSameNumberAmountAndCurrencyIsTheSameChargeNeverASecond() {
        Views.Charge first = ((Result.Done<Views.Charge>) book.charge(WECHAT, CHARGE)).value();

        Result<Views.Charge> again = book.charge(WECHAT, CHARGE);

        assertThat(again).isEqualTo(new Result.Done<>(first, false));
        assertThat(entry("order-0001").counters().chargeCalls()).isEqualTo(2);
        assertThat(entry("order-0001").counters().chargesCreated()).isEqualTo(1);
    }

    @Test
    void theSameNumberWithAnotherAmountCurrencyOrProviderIsRefused() {
        book.charge(WECHAT, CHARGE);

        assertThat(book.charge(WECHAT, new ChargeRequest("order-0001", 999, "CNY", "top-up")))
                .isEqualTo(Result.refused(SimulatorError.ORDER_NO_REUSED,
                        "order-0001 is already a charge of 1000 CNY, not 999 CNY"));
        assertThat(book.charge(WECHAT, new ChargeRequest("order-0001", 1000, "USD", "top-up")))
                .isInstanceOf(Result.Refused.class);
        assertThat(book.charge(ProviderName.ALIPAY, CHARGE))
                .isEqualTo(Result.refused(SimulatorError.ORDER_NO_REUSED, "order-0001 is already a charge at WECHAT_PAY"));
        assertThat(entry("order-0001").amountMinor()).isEqualTo(1000);
        assertThat(entry("order-0001").counters().chargesCreated()).isEqualTo(1);
    }

    @Test
    void aChargeIsKnownOnlyToItsOwnProvider() {
        book.charge(WECHAT, CHARGE);

        assertThat(book.queryCharge(ProviderName.STRIPE, "order-0001"))
                .isEqualTo(Result.refused(SimulatorError.NO_SUCH_CHARGE, "no charge order-0001 at STRIPE"));
        assertThat(book.queryCharge(WECHAT, "order-0002")).isInstanceOf(Result.Refused.class);
        assertThat(book.close(ProviderName.STRIPE, "order-0001")).isInstanceOf(Result.Refused.class);
    }

    @Test
    void aClosedChargeCanNoLongerBePaidAndClosingAgainIsTheSameAnswer() {
        book.charge(WECHAT, CHARGE);

        Views.Charge closed = ((Result.Done<Views.Charge>) book.close(WECHAT, "order-0001")).value();

        assertThat(closed.status()).isEqualTo(ChargeState.CLOSED);
        assertThat(book.close(WECHAT, "order-0001")).isEqualTo(Result.done(closed));
        assertThat(book.customerPays("order-0001")).isEqualTo(
                Result.refused(SimulatorError.CHARGE_NOT_OPEN, "order-0001 is CLOSED: nobody can pay it"));
        assertThat(entry("order-0001").charged()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void payingNotifiesTheSuccessOnceAndPayingAgainChangesNothing() {
        book.charge(WECHAT, CHARGE);

        book.customerPays("order-0001");
        Result<Views.Charge> again = book.customerPays("order-0001");

        assertThat(((Result.Done<Views.Charge>) again).created()).isFalse();
        assertThat(entry("order-0001").charged()).isEqualTo(1000);
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.notification().kind()).isEqualTo(NotificationKind.PAYMENT);
            assertThat(s.notification().chargeState()).isEqualTo(ChargeState.SUCCEEDED);
            assertThat(s.notification().amountMinor()).isEqualTo(1000);
            assertThat(s.delay()).isZero();
        });
    }

    @Test
    void aCloseOfAPaidChargeIsAlreadyPaid() {
        paidCharge();

        assertThat(book.close(WECHAT, "order-0001")).isInstanceOf(Result.Refused.class)
                .extracting("error").isEqualTo(SimulatorError.ALREADY_PAID);
        assertThat(entry("order-0001").status()).isEqualTo(ChargeState.SUCCEEDED);
    }

    @Test
    void payOnCloseMakesTheNextCloseFindTheCustomerJustPaidAndNotifiesLate() {
        book.charge(WECHAT, CHARGE);
        book.payOnClose("order-0001");

        Result<Views.Charge> close = book.close(WECHAT, "order-0001");

        assertThat(close).isInstanceOf(Result.Refused.class).extracting("error").isEqualTo(SimulatorError.ALREADY_PAID);
        assertThat(entry("order-0001").charged()).isEqualTo(1000);
        assertThat(sent).singleElement().extracting(Sent::delay).isEqualTo(LATE);
        assertThat(book.close(WECHAT, "order-0001")).extracting("error").isEqualTo(SimulatorError.ALREADY_PAID);
        assertThat(sent).hasSize(1);
    }

    @Test
    void wechatPayRefusesACloseWithinTheMinimumAgeOfTheCharge() {
        book = book(new Book.Rules(100, 1000, 10, Duration.ofSeconds(1), LATE, Duration.ofMinutes(5)));
        book.charge(WECHAT, CHARGE);
        book.charge(ProviderName.ALIPAY, new ChargeRequest("order-0002", 1000, "CNY", "top-up"));

        assertThat(book.close(WECHAT, "order-0001")).extracting("error").isEqualTo(SimulatorError.CLOSE_TOO_EARLY);
        assertThat(book.close(ProviderName.ALIPAY, "order-0002")).isInstanceOf(Result.Done.class);
        clock.advance(Duration.ofMinutes(5));
        assertThat(book.close(WECHAT, "order-0001")).isInstanceOf(Result.Done.class);
    }

    @Test
    void aFailedPaymentIsNotNotifiedAndCanBeClosed() {
        book.charge(WECHAT, CHARGE);

        book.paymentFails("order-0001");

        assertThat(entry("order-0001").status()).isEqualTo(ChargeState.FAILED);
        assertThat(sent).isEmpty();
        assertThat(((Result.Done<Views.Charge>) book.close(WECHAT, "order-0001")).value().status())
                .isEqualTo(ChargeState.CLOSED);
    }

    @Test
    void onlyAPaidChargeIsRefunded() {
        book.charge(WECHAT, CHARGE);

        assertThat(book.refund(WECHAT, refund("refund-0001", 100))).isEqualTo(Result.refused(SimulatorError.NOT_PAID,
                "order-0001 is NOT_PAID: only a paid charge is refunded"));
        assertThat(book.refund(WECHAT, new RefundRequest("refund-0001", "order-0009", 100, "CNY", null)))
                .extracting("error").isEqualTo(SimulatorError.NO_SUCH_CHARGE);
        assertThat(entry("order-0001").counters().refusedRefundCalls()).isEqualTo(1);
        assertThat(book.queryRefund(WECHAT, "refund-0001")).extracting("error").isEqualTo(SimulatorError.NO_SUCH_REFUND);
    }

    @Test
    void refundsMayTakeTheWholeChargeButNotOneMinorUnitMore() {
        paidCharge();

        assertThat(book.refund(WECHAT, refund("refund-0001", 600))).isInstanceOf(Result.Done.class);
        assertThat(book.refund(WECHAT, refund("refund-0002", 401))).isEqualTo(Result.refused(
                SimulatorError.EXCEEDS_REFUNDABLE, "a refund of 401 CNY exceeds the 400 left to refund of 1000"));
        assertThat(book.refund(WECHAT, refund("refund-0003", 400))).isInstanceOf(Result.Done.class);
        assertThat(book.refund(WECHAT, refund("refund-0004", 1))).extracting("error")
                .isEqualTo(SimulatorError.EXCEEDS_REFUNDABLE);
    }

    @Test
    void aRefundInAnotherCurrencyIsRefused() {
        paidCharge();

        assertThat(book.refund(WECHAT, new RefundRequest("refund-0001", "order-0001", 10, "USD", null)))
                .extracting("error").isEqualTo(SimulatorError.CURRENCY_MISMATCH);
    }

    @Test
    void aRetriedRefundNumberIsTheSameRefundAndIsPaidOutOnce() {
        paidCharge();
        Views.Refund accepted = ((Result.Done<Views.Refund>) book.refund(WECHAT, refund("refund-0001", 300))).value();

        assertThat(book.refund(WECHAT, refund("refund-0001", 300))).isEqualTo(new Result.Done<>(accepted, false));
        endProcessing();
        assertThat(((Result.Done<Views.Refund>) book.refund(WECHAT, refund("refund-0001", 300))).value().status())
                .isEqualTo(RefundState.SUCCEEDED);

        Views.Entry entry = entry("order-0001");
        assertThat(entry.refunded()).isEqualTo(300);
        assertThat(entry.counters().refundCalls()).containsExactly(java.util.Map.entry("refund-0001", 3L));
        assertThat(entry.counters().payouts()).containsExactly(java.util.Map.entry("refund-0001", 1L));
    }

    @Test
    void aRefundNumberReusedForAnotherAmountOrChargeIsRefused() {
        paidCharge();
        book.refund(WECHAT, refund("refund-0001", 300));

        assertThat(book.refund(WECHAT, refund("refund-0001", 301))).extracting("error")
                .isEqualTo(SimulatorError.REFUND_NO_REUSED);
        book.charge(WECHAT, new ChargeRequest("order-0002", 500, "CNY", "top-up"));
        book.customerPays("order-0002");
        assertThat(book.refund(WECHAT, new RefundRequest("refund-0001", "order-0002", 300, "CNY", null)))
                .extracting("error").isEqualTo(SimulatorError.REFUND_NO_REUSED);
        assertThat(entry("order-0002").refunds()).isEmpty();
    }

    @Test
    void aChargeTakesAtMostFiftyRefunds() {
        paidCharge();
        for (int i = 0; i < Book.REFUNDS_PER_CHARGE_MAX; i++) {
            assertThat(book.refund(WECHAT, refund("refund-%04d".formatted(i), 1))).isInstanceOf(Result.Done.class);
        }

        assertThat(book.refund(WECHAT, refund("refund-0050", 1))).extracting("error")
                .isEqualTo(SimulatorError.TOO_MANY_REFUNDS);
    }

    @Test
    void processingEndsSucceededWithOnePayoutAndANotification() {
        paidCharge();
        book.refund(WECHAT, refund("refund-0001", 300));
        assertThat(sent).isEmpty();

        endProcessing();

        assertThat(entry("order-0001").refunds()).singleElement().extracting(Views.EntryRefund::status)
                .isEqualTo(RefundState.SUCCEEDED);
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.notification().kind()).isEqualTo(NotificationKind.REFUND);
            assertThat(s.notification().merchantRefundNo()).isEqualTo("refund-0001");
            assertThat(s.notification().refundState()).isEqualTo(RefundState.SUCCEEDED);
            assertThat(s.notification().amountMinor()).isEqualTo(300);
        });
    }

    @Test
    void anArmedFailureEndsTheRefundClosedWhichFreesItsAmount() {
        paidCharge();
        book.failRefund("refund-0001", RefundState.CLOSED);
        book.refund(WECHAT, refund("refund-0001", 1000));

        endProcessing();

        Views.Entry entry = entry("order-0001");
        assertThat(entry.refunds()).singleElement().extracting(Views.EntryRefund::status).isEqualTo(RefundState.CLOSED);
        assertThat(entry.refunded()).isZero();
        assertThat(entry.counters().payouts()).containsEntry("refund-0001", 0L);
        assertThat(sent).singleElement().extracting(s -> s.notification().refundState()).isEqualTo(RefundState.CLOSED);
        assertThat(book.refund(WECHAT, refund("refund-0002", 1000))).isInstanceOf(Result.Done.class);
    }

    @Test
    void anAbnormalRefundKeepsItsAmountFromFurtherRefunds() {
        paidCharge();
        book.refund(WECHAT, refund("refund-0001", 1000));
        book.failRefund("refund-0001", RefundState.ABNORMAL);

        endProcessing();

        assertThat(entry("order-0001").refunds().getFirst().status()).isEqualTo(RefundState.ABNORMAL);
        assertThat(book.refund(WECHAT, refund("refund-0002", 1))).extracting("error")
                .isEqualTo(SimulatorError.EXCEEDS_REFUNDABLE);
        assertThat(book.failRefund("refund-0001", RefundState.CLOSED)).extracting("error")
                .isEqualTo(SimulatorError.REFUND_ALREADY_FINAL);
    }

    @Test
    void aReversedRefundIsClosedNotifiedAndItsAmountRefundableAgain() {
        paidCharge();
        book.refund(WECHAT, refund("refund-0001", 1000));
        endProcessing();
        sent.clear();

        Result<Views.Refund> reversed = book.reverseRefund("refund-0001");

        assertThat(((Result.Done<Views.Refund>) reversed).value().status()).isEqualTo(RefundState.CLOSED);
        Views.Entry entry = entry("order-0001");
        assertThat(entry.refunded()).isZero();
        assertThat(entry.refunds().getFirst().reversed()).isTrue();
        assertThat(entry.counters().payouts()).containsEntry("refund-0001", 1L);
        assertThat(sent).singleElement().extracting(s -> s.notification().refundState()).isEqualTo(RefundState.CLOSED);
        assertThat(book.reverseRefund("refund-0001")).extracting("error").isEqualTo(SimulatorError.REFUND_NOT_SUCCEEDED);
        assertThat(book.refund(WECHAT, refund("refund-0002", 1000))).isInstanceOf(Result.Done.class);
    }

    @Test
    void onlyASucceededRefundIsReversed() {
        paidCharge();
        book.refund(WECHAT, refund("refund-0001", 10));

        assertThat(book.reverseRefund("refund-0001")).extracting("error").isEqualTo(SimulatorError.REFUND_NOT_SUCCEEDED);
        assertThat(book.reverseRefund("refund-0009")).extracting("error").isEqualTo(SimulatorError.NO_SUCH_REFUND);
    }

    @Test
    void concurrentRefundsNeverTogetherExceedTheCharge() throws Exception {
        paidCharge();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Result<Views.Refund>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                String number = "refund-%04d".formatted(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return book.refund(WECHAT, refund(number, 300));
                }));
            }
            start.countDown();
        }

        long accepted = 0;
        for (Future<Result<Views.Refund>> answer : answers) {
            accepted += answer.get() instanceof Result.Done ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(3);
        assertThat(entry("order-0001").refunds()).hasSize(3);
    }

    @Test
    void theBookKeepsAtMostItsCapOfCharges() {
        book = book(new Book.Rules(2, 1000, 10, Duration.ofSeconds(1), LATE, Duration.ZERO));
        book.charge(WECHAT, new ChargeRequest("order-0001", 1, "CNY", "a"));
        book.charge(WECHAT, new ChargeRequest("order-0002", 1, "CNY", "b"));

        assertThat(book.charge(WECHAT, new ChargeRequest("order-0003", 1, "CNY", "c"))).extracting("error")
                .isEqualTo(SimulatorError.SIMULATOR_FULL);
        assertThat(book.charge(WECHAT, new ChargeRequest("order-0001", 1, "CNY", "a"))).isInstanceOf(Result.Done.class);
        assertThat(book.entries(10).total()).isEqualTo(2);
    }

    @Test
    void listsChargesInTheOrderTheyWereCreated() {
        for (int i = 3; i >= 1; i--) {
            book.charge(WECHAT, new ChargeRequest("order-000" + i, i, "CNY", "x"));
        }

        Views.Page page = book.entries(2);

        assertThat(page.charges()).extracting(Views.Entry::merchantOrderNo).containsExactly("order-0003", "order-0002");
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.truncated()).isTrue();
    }

    @Test
    void aResetForgetsEverythingAndWorkScheduledBeforeItDoesNothing() {
        paidCharge();
        book.refund(WECHAT, refund("refund-0001", 10));

        book.reset();
        endProcessing();

        assertThat(book.entry("order-0001")).isEmpty();
        assertThat(book.entries(10).total()).isZero();
        assertThat(sent).isEmpty();
        assertThat(book.charge(WECHAT, CHARGE)).isInstanceOf(Result.Done.class);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
