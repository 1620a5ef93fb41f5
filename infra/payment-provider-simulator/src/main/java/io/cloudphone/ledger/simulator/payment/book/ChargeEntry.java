package io.cloudphone.ledger.simulator.payment.book;

import io.cloudphone.ledger.provider.ChargeState;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.RefundState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One charge and its refunds. Every field that changes is guarded by the entry's own lock: one lock per order. */
final class ChargeEntry {

    final long sequence;
    final ProviderName provider;
    final String merchantOrderNo;
    final String providerChargeId;
    final long amountMinor;
    final String currency;
    final String description;
    final Instant createdAt;
    ChargeState state = ChargeState.NOT_PAID;
    Instant paidAt;
    Instant closedAt;
    /** One-shot fault: the next close finds the customer has just paid. */
    boolean payOnClose;
    long chargeCalls = 1;
    long chargesCreated = 1;
    long refusedRefundCalls;
    final List<RefundEntry> refunds = new ArrayList<>();

    ChargeEntry(long sequence, ProviderName provider, String merchantOrderNo, String providerChargeId, long amountMinor,
                String currency, String description, Instant createdAt) {
        this.sequence = sequence;
        this.provider = provider;
        this.merchantOrderNo = merchantOrderNo;
        this.providerChargeId = providerChargeId;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.description = description;
        this.createdAt = createdAt;
    }

    /** What no further refund may take: refunds processing, paid out, or stuck (ABNORMAL); CLOSED ones gave it back. */
    long committedToRefunds() {
        long committed = 0;
        for (RefundEntry refund : refunds) {
            if (refund.state != RefundState.CLOSED) {
                committed = Math.addExact(committed, refund.amountMinor);
            }
        }
        return committed;
    }

    Views.Charge view() {
        return new Views.Charge(provider, merchantOrderNo, providerChargeId, amountMinor, currency, description, state,
                createdAt, paidAt, closedAt);
    }

    Views.Entry entry() {
        long refunded = 0;
        List<Views.EntryRefund> refundViews = new ArrayList<>(refunds.size());
        Map<String, Long> refundCalls = new LinkedHashMap<>();
        Map<String, Long> payouts = new LinkedHashMap<>();
        for (RefundEntry refund : refunds) {
            if (refund.state == RefundState.SUCCEEDED) {
                refunded += refund.amountMinor;
            }
            refundViews.add(new Views.EntryRefund(refund.merchantRefundNo, refund.providerRefundId, refund.amountMinor,
                    refund.state, refund.reversed, refund.createdAt, refund.finishedAt));
            refundCalls.put(refund.merchantRefundNo, refund.calls);
            payouts.put(refund.merchantRefundNo, refund.payouts);
        }
        return new Views.Entry(merchantOrderNo, provider, providerChargeId, amountMinor, currency, state,
                state == ChargeState.SUCCEEDED ? amountMinor : 0, refunded, createdAt, paidAt, closedAt,
                List.copyOf(refundViews), new Views.Counters(chargeCalls, chargesCreated, refundCalls, payouts,
                refusedRefundCalls));
    }
}
