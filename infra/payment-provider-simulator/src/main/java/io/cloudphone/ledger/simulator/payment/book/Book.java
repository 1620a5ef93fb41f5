package io.cloudphone.ledger.simulator.payment.book;

import io.cloudphone.ledger.provider.ChargeRequest;
import io.cloudphone.ledger.provider.ChargeState;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.RefundRequest;
import io.cloudphone.ledger.provider.RefundState;
import io.cloudphone.ledger.provider.notification.ProviderNotification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated providers' book: every charge under its merchant order number, every refund under its refund
 * number, with the rules real providers apply (payment-providers facts in the README). In memory on purpose: a
 * restart forgets everything, as {@code POST /control/reset} does.
 *
 * <p>Thread-safe: the maps are concurrent, and everything about one order (its charge, its refunds, their
 * counters) changes under that charge's lock, so two refunds of one charge racing each other see each other's
 * amounts. Never two charge locks at once. Bounded: at most {@link Rules#chargesMax()} charges and
 * {@link Rules#refundsMax()} refunds; beyond, SIMULATOR_FULL and nothing is kept.
 */
public final class Book {

    /** WeChat Pay's limit of partial refunds per payment. */
    public static final int REFUNDS_PER_CHARGE_MAX = 50;

    /**
     * @param refundProcessingDelay how long a refund stays PROCESSING (already divided by the time compression)
     * @param lateNotificationDelay how late the notification of a payment found by a close goes out (likewise)
     * @param closeMinimumAge       WeChat Pay refuses a close this soon after creation; zero: never refused
     * @param armedFaultsMax        refund failures armed for refunds that do not exist yet
     */
    public record Rules(int chargesMax, int refundsMax, int armedFaultsMax, Duration refundProcessingDelay,
                        Duration lateNotificationDelay, Duration closeMinimumAge) {
        public Rules {
            if (chargesMax < 1 || refundsMax < 1 || armedFaultsMax < 1) {
                throw new IllegalArgumentException("the book's caps must be positive");
            }
            Objects.requireNonNull(refundProcessingDelay, "refundProcessingDelay");
            Objects.requireNonNull(lateNotificationDelay, "lateNotificationDelay");
            Objects.requireNonNull(closeMinimumAge, "closeMinimumAge");
        }
    }

    /** Everything {@link #reset()} forgets; work scheduled before a reset finds itself stale and does nothing. */
    private static final class State {
        final long generation;
        final ConcurrentHashMap<String, ChargeEntry> charges = new ConcurrentHashMap<>();
        final ConcurrentSkipListMap<Long, ChargeEntry> chargesInOrder = new ConcurrentSkipListMap<>();
        final ConcurrentHashMap<String, RefundEntry> refunds = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, RefundState> armedRefundFailures = new ConcurrentHashMap<>();
        final AtomicInteger chargeCount = new AtomicInteger();
        final AtomicInteger refundCount = new AtomicInteger();
        final AtomicLong sequence = new AtomicLong();

        State(long generation) {
            this.generation = generation;
        }
    }

    private final Clock clock;
    private final Timer timer;
    private final NoticeSink notices;
    private final Rules rules;
    private volatile State state = new State(1);

    public Book(Clock clock, Timer timer, NoticeSink notices, Rules rules) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Forgets every charge, refund and armed fault. */
    public void reset() {
        state = new State(state.generation + 1);
    }

    // ---- provider API ----

    /**
     * Creates the charge NOT_PAID, or answers the one already under this number: the same amount and currency is a
     * retry (the same charge, as it is now), anything else ORDER_NO_REUSED.
     */
    public Result<Views.Charge> charge(ProviderName provider, ChargeRequest request) {
        State s = state;
        ChargeEntry existing = s.charges.get(request.merchantOrderNo());
        if (existing == null) {
            if (!reserve(s.chargeCount, rules.chargesMax())) {
                return Result.refused(SimulatorError.SIMULATOR_FULL, "the book holds " + rules.chargesMax()
                        + " charges, its cap (cpl.payment-sim.charges-max); POST /control/reset forgets them");
            }
            long sequence = s.sequence.incrementAndGet();
            ChargeEntry created = new ChargeEntry(sequence, provider, request.merchantOrderNo(),
                    "sim-" + provider.slug() + "-ch-" + sequence, request.amountMinor(), request.currency(),
                    request.description(), clock.instant());
            existing = s.charges.putIfAbsent(request.merchantOrderNo(), created);
            if (existing == null) {
                s.chargesInOrder.put(sequence, created);
                synchronized (created) {
                    return Result.created(created.view());
                }
            }
            s.chargeCount.decrementAndGet();
        }
        synchronized (existing) {
            existing.chargeCalls++;
            if (existing.provider != provider) {
                return Result.refused(SimulatorError.ORDER_NO_REUSED, request.merchantOrderNo()
                        + " is already a charge at " + existing.provider);
            }
            if (existing.amountMinor != request.amountMinor() || !existing.currency.equals(request.currency())) {
                return Result.refused(SimulatorError.ORDER_NO_REUSED, request.merchantOrderNo() + " is already a charge of "
                        + existing.amountMinor + " " + existing.currency + ", not " + request.amountMinor() + " "
                        + request.currency());
            }
            return Result.done(existing.view());
        }
    }

    public Result<Views.Charge> queryCharge(ProviderName provider, String merchantOrderNo) {
        ChargeEntry charge = chargeAt(state, provider, merchantOrderNo);
        if (charge == null) {
            return noSuchCharge(provider, merchantOrderNo);
        }
        synchronized (charge) {
            return Result.done(charge.view());
        }
    }

    /**
     * Closes an unpaid charge (closing a closed one again is the same answer); a paid one is ALREADY_PAID, and so is
     * one armed with pay-on-close, which the customer pays at that very moment (its notification goes out late).
     */
    public Result<Views.Charge> close(ProviderName provider, String merchantOrderNo) {
        ChargeEntry charge = chargeAt(state, provider, merchantOrderNo);
        if (charge == null) {
            return noSuchCharge(provider, merchantOrderNo);
        }
        synchronized (charge) {
            Instant now = clock.instant();
            if (charge.state == ChargeState.NOT_PAID && provider == ProviderName.WECHAT_PAY
                    && now.isBefore(charge.createdAt.plus(rules.closeMinimumAge()))) {
                return Result.refused(SimulatorError.CLOSE_TOO_EARLY, "WeChat Pay closes a charge only "
                        + rules.closeMinimumAge().toMillis() + " ms (simulated) after its creation");
            }
            if (charge.state == ChargeState.NOT_PAID && charge.payOnClose) {
                charge.payOnClose = false;
                pay(charge, now, rules.lateNotificationDelay());
            }
            switch (charge.state) {
                case SUCCEEDED -> {
                    return Result.refused(SimulatorError.ALREADY_PAID, merchantOrderNo + " was paid at " + charge.paidAt);
                }
                case NOT_PAID, FAILED -> {
                    charge.state = ChargeState.CLOSED;
                    charge.closedAt = now;
                }
                case CLOSED -> {
                }
            }
            return Result.done(charge.view());
        }
    }

    /**
     * Accepts a refund PROCESSING, or answers the one already under this refund number (a retry of the same order,
     * amount and currency; anything else REFUND_NO_REUSED). Refused: a charge that is not paid, another currency,
     * {@value #REFUNDS_PER_CHARGE_MAX} refunds already, or more than is left to refund.
     */
    public Result<Views.Refund> refund(ProviderName provider, RefundRequest request) {
        State s = state;
        RefundEntry existing = s.refunds.get(request.merchantRefundNo());
        if (existing != null) {
            return retried(existing, provider, request);
        }
        ChargeEntry charge = chargeAt(s, provider, request.merchantOrderNo());
        if (charge == null) {
            return Result.refused(SimulatorError.NO_SUCH_CHARGE, "no charge " + request.merchantOrderNo() + " at "
                    + provider + " to refund");
        }
        RefundEntry raced;
        synchronized (charge) {
            existing = s.refunds.get(request.merchantRefundNo());
            if (existing == null) {
                Result<Views.Refund> refusal = refusal(charge, request);
                if (refusal != null) {
                    charge.refusedRefundCalls++;
                    return refusal;
                }
                if (!reserve(s.refundCount, rules.refundsMax())) {
                    return Result.refused(SimulatorError.SIMULATOR_FULL, "the book holds " + rules.refundsMax()
                            + " refunds, its cap (cpl.payment-sim.refunds-max)");
                }
                RefundEntry created = new RefundEntry(charge, s.generation, request.merchantRefundNo(),
                        "sim-" + provider.slug() + "-rf-" + s.sequence.incrementAndGet(), request.amountMinor(),
                        request.reason(), clock.instant());
                raced = s.refunds.putIfAbsent(request.merchantRefundNo(), created);
                if (raced == null) {
                    charge.refunds.add(created);
                    timer.schedule(rules.refundProcessingDelay(), () -> finishProcessing(created));
                    return Result.created(created.view());
                }
                s.refundCount.decrementAndGet();
            } else {
                raced = existing;
            }
        }
        // The same refund number, just taken for another charge: answered outside this charge's lock, since it
        // takes the other charge's.
        return retried(raced, provider, request);
    }

    public Result<Views.Refund> queryRefund(ProviderName provider, String merchantRefundNo) {
        RefundEntry refund = state.refunds.get(merchantRefundNo);
        if (refund == null || refund.charge.provider != provider) {
            return Result.refused(SimulatorError.NO_SUCH_REFUND, "no refund " + merchantRefundNo + " at " + provider);
        }
        synchronized (refund.charge) {
            return Result.done(refund.view());
        }
    }

    // ---- control API ----

    /** The customer pays: NOT_PAID becomes SUCCEEDED and the notification goes out; paying again changes nothing. */
    public Result<Views.Charge> customerPays(String merchantOrderNo) {
        ChargeEntry charge = state.charges.get(merchantOrderNo);
        if (charge == null) {
            return Result.refused(SimulatorError.NO_SUCH_CHARGE, "no charge " + merchantOrderNo);
        }
        synchronized (charge) {
            return switch (charge.state) {
                case NOT_PAID -> {
                    pay(charge, clock.instant(), Duration.ZERO);
                    yield Result.created(charge.view());
                }
                case SUCCEEDED -> Result.done(charge.view());
                case CLOSED, FAILED -> Result.refused(SimulatorError.CHARGE_NOT_OPEN, merchantOrderNo + " is "
                        + charge.state + ": nobody can pay it");
            };
        }
    }

    /** The payment fails at the provider (WeChat PAYERROR): FAILED, not notified (only successes are). */
    public Result<Views.Charge> paymentFails(String merchantOrderNo) {
        ChargeEntry charge = state.charges.get(merchantOrderNo);
        if (charge == null) {
            return Result.refused(SimulatorError.NO_SUCH_CHARGE, "no charge " + merchantOrderNo);
        }
        synchronized (charge) {
            if (charge.state != ChargeState.NOT_PAID) {
                return Result.refused(SimulatorError.CHARGE_NOT_OPEN, merchantOrderNo + " is " + charge.state);
            }
            charge.state = ChargeState.FAILED;
            return Result.done(charge.view());
        }
    }

    /** Arms the race: the next close of this unpaid charge finds that the customer has just paid. */
    public Result<Views.Charge> payOnClose(String merchantOrderNo) {
        ChargeEntry charge = state.charges.get(merchantOrderNo);
        if (charge == null) {
            return Result.refused(SimulatorError.NO_SUCH_CHARGE, "no charge " + merchantOrderNo);
        }
        synchronized (charge) {
            if (charge.state != ChargeState.NOT_PAID) {
                return Result.refused(SimulatorError.CHARGE_NOT_OPEN, merchantOrderNo + " is " + charge.state
                        + "; pay-on-close needs an unpaid charge");
            }
            charge.payOnClose = true;
            return Result.done(charge.view());
        }
    }

    /**
     * Makes the refund end {@code outcome} (CLOSED or ABNORMAL) instead of SUCCEEDED when its processing ends. A
     * refund number not yet submitted is armed for when it is (so a test needs no race with a short processing).
     */
    public Result<String> failRefund(String merchantRefundNo, RefundState outcome) {
        if (outcome != RefundState.CLOSED && outcome != RefundState.ABNORMAL) {
            return Result.refused(SimulatorError.INVALID_REQUEST, "a refund fails CLOSED or ABNORMAL, not " + outcome);
        }
        State s = state;
        RefundEntry refund = s.refunds.get(merchantRefundNo);
        if (refund == null) {
            if (s.armedRefundFailures.size() >= rules.armedFaultsMax()
                    && !s.armedRefundFailures.containsKey(merchantRefundNo)) {
                return Result.refused(SimulatorError.SIMULATOR_FULL, rules.armedFaultsMax()
                        + " refund failures are armed already");
            }
            s.armedRefundFailures.put(merchantRefundNo, outcome);
            return Result.done(merchantRefundNo + " is not submitted yet: it will end " + outcome);
        }
        synchronized (refund.charge) {
            if (refund.state.isFinal()) {
                return Result.refused(SimulatorError.REFUND_ALREADY_FINAL, merchantRefundNo + " is " + refund.state
                        + " already");
            }
            s.armedRefundFailures.put(merchantRefundNo, outcome);
            return Result.done(merchantRefundNo + " will end " + outcome + " when its processing ends");
        }
    }

    /** The provider takes back a refund it paid out (Stripe's refund failure after success): CLOSED, notified. */
    public Result<Views.Refund> reverseRefund(String merchantRefundNo) {
        RefundEntry refund = state.refunds.get(merchantRefundNo);
        if (refund == null) {
            return Result.refused(SimulatorError.NO_SUCH_REFUND, "no refund " + merchantRefundNo);
        }
        ChargeEntry charge = refund.charge;
        synchronized (charge) {
            if (refund.state != RefundState.SUCCEEDED) {
                return Result.refused(SimulatorError.REFUND_NOT_SUCCEEDED, merchantRefundNo + " is " + refund.state
                        + (refund.reversed ? " (reversed already)" : "") + "; only a SUCCEEDED refund is reversed");
            }
            refund.state = RefundState.CLOSED;
            refund.reversed = true;
            refund.finishedAt = clock.instant();
            notifyRefund(refund, Duration.ZERO);
            return Result.done(refund.view());
        }
    }

    public Optional<Views.Entry> entry(String merchantOrderNo) {
        ChargeEntry charge = state.charges.get(merchantOrderNo);
        if (charge == null) {
            return Optional.empty();
        }
        synchronized (charge) {
            return Optional.of(charge.entry());
        }
    }

    /** The first {@code limit} charges in the order they were created, and how many there are. */
    public Views.Page entries(int limit) {
        State s = state;
        List<Views.Entry> entries = new ArrayList<>(Math.min(limit, s.chargeCount.get()));
        for (ChargeEntry charge : s.chargesInOrder.values()) {
            if (entries.size() == limit) {
                break;
            }
            synchronized (charge) {
                entries.add(charge.entry());
            }
        }
        long total = s.chargesInOrder.size();
        return new Views.Page(List.copyOf(entries), total, total > entries.size());
    }

    // ---- the rules ----

    private Result<Views.Refund> refusal(ChargeEntry charge, RefundRequest request) {
        if (charge.state != ChargeState.SUCCEEDED) {
            return Result.refused(SimulatorError.NOT_PAID, charge.merchantOrderNo + " is " + charge.state
                    + ": only a paid charge is refunded");
        }
        if (!charge.currency.equals(request.currency())) {
            return Result.refused(SimulatorError.CURRENCY_MISMATCH, charge.merchantOrderNo + " was paid in "
                    + charge.currency + ", not " + request.currency());
        }
        if (charge.refunds.size() >= REFUNDS_PER_CHARGE_MAX) {
            return Result.refused(SimulatorError.TOO_MANY_REFUNDS, charge.merchantOrderNo + " has "
                    + REFUNDS_PER_CHARGE_MAX + " refunds, the most a charge may have");
        }
        long left = charge.amountMinor - charge.committedToRefunds();
        if (request.amountMinor() > left) {
            return Result.refused(SimulatorError.EXCEEDS_REFUNDABLE, "a refund of " + request.amountMinor() + " "
                    + charge.currency + " exceeds the " + left + " left to refund of " + charge.amountMinor);
        }
        return null;
    }

    private Result<Views.Refund> retried(RefundEntry refund, ProviderName provider, RefundRequest request) {
        synchronized (refund.charge) {
            refund.calls++;
            if (refund.charge.provider != provider || !refund.charge.merchantOrderNo.equals(request.merchantOrderNo())
                    || refund.amountMinor != request.amountMinor() || !refund.charge.currency.equals(request.currency())) {
                return Result.refused(SimulatorError.REFUND_NO_REUSED, request.merchantRefundNo()
                        + " is already a refund of " + refund.amountMinor + " " + refund.charge.currency + " of "
                        + refund.charge.merchantOrderNo + " at " + refund.charge.provider);
            }
            return Result.done(refund.view());
        }
    }

    private void finishProcessing(RefundEntry refund) {
        State s = state;
        if (refund.generation != s.generation) {
            return;
        }
        synchronized (refund.charge) {
            if (refund.state != RefundState.PROCESSING) {
                return;
            }
            RefundState failure = s.armedRefundFailures.remove(refund.merchantRefundNo);
            refund.state = failure == null ? RefundState.SUCCEEDED : failure;
            refund.finishedAt = clock.instant();
            if (refund.state == RefundState.SUCCEEDED) {
                refund.payouts++;
            }
            notifyRefund(refund, Duration.ZERO);
        }
    }

    private void pay(ChargeEntry charge, Instant now, Duration notificationDelay) {
        charge.state = ChargeState.SUCCEEDED;
        charge.paidAt = now;
        notices.send(ProviderNotification.payment(notificationId(), charge.provider, charge.merchantOrderNo,
                ChargeState.SUCCEEDED, charge.amountMinor, charge.currency, now), notificationDelay);
    }

    private void notifyRefund(RefundEntry refund, Duration delay) {
        notices.send(ProviderNotification.refund(notificationId(), refund.charge.provider,
                refund.charge.merchantOrderNo, refund.merchantRefundNo, refund.state, refund.amountMinor,
                refund.charge.currency, refund.finishedAt), delay);
    }

    private static ChargeEntry chargeAt(State s, ProviderName provider, String merchantOrderNo) {
        ChargeEntry charge = s.charges.get(merchantOrderNo);
        return charge == null || charge.provider != provider ? null : charge;
    }

    private static <T> Result<T> noSuchCharge(ProviderName provider, String merchantOrderNo) {
        return Result.refused(SimulatorError.NO_SUCH_CHARGE, "no charge " + merchantOrderNo + " at " + provider);
    }

    private static boolean reserve(AtomicInteger count, int max) {
        if (count.incrementAndGet() > max) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    private static String notificationId() {
        return "ntf-" + UUID.randomUUID();
    }
}
