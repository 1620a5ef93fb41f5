package io.cloudphone.ledger.streams.payments.query;

import io.cloudphone.ledger.schemas.payment.AggregateKind;
import io.cloudphone.ledger.schemas.payment.InvoiceState;
import io.cloudphone.ledger.schemas.payment.Lifecycle;
import io.cloudphone.ledger.schemas.payment.OrderState;
import io.cloudphone.ledger.schemas.payment.PaymentCase;
import io.cloudphone.ledger.schemas.payment.PaymentState;
import io.cloudphone.ledger.schemas.payment.PaymentTransition;
import io.cloudphone.ledger.schemas.payment.RefundState;
import io.cloudphone.ledger.streams.payments.PaymentsProperties;
import io.cloudphone.ledger.streams.payments.PaymentsStores;
import io.cloudphone.ledger.streams.payments.cases.Deadlines;
import io.cloudphone.ledger.streams.payments.machine.InvoiceMachine;
import io.cloudphone.ledger.streams.payments.machine.OrderMachine;
import io.cloudphone.ledger.streams.payments.machine.PaymentMachine;
import io.cloudphone.ledger.streams.payments.machine.RefundMachine;
import io.cloudphone.ledger.streams.payments.machine.TransitionTable;
import io.cloudphone.ledger.streams.runtime.query.KeyLocation;
import io.cloudphone.ledger.streams.runtime.query.StoreQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Service;

/** Reads the payments app's stores: one order's case with its history, and the stuck view. */
@Service
public class PaymentsQueryService {

    /** More than any order's history can hold (50 refunds of about 5 transitions each, and the rest). */
    static final int HISTORY_MAX = 512;

    /** Bound on the deadlines one stuck-view request walks through. */
    static final int STUCK_SCAN_MAX = 100_000;

    /**
     * States that wait on a person, not on the system: a paid order (refunds may come for a year), a refund paid out
     * (its reversal window), a draft invoice. Not final, but nothing is stuck in them.
     */
    static final Set<String> RESTING = Set.of("ORDER:" + OrderMachine.State.PAID,
            "ORDER:" + OrderMachine.State.PARTIALLY_REFUNDED, "REFUND:" + RefundMachine.State.SUCCEEDED,
            "INVOICE:" + InvoiceMachine.State.DRAFT);

    private final StoreQueries stores;
    private final Deadlines deadlines;
    private final Clock clock;

    public PaymentsQueryService(StoreQueries stores, PaymentsProperties properties) {
        this.stores = stores;
        this.deadlines = properties.settings().deadlines();
        this.clock = Clock.systemUTC();
    }

    public Optional<CaseView> order(KeyLocation location, String orderId) {
        ReadOnlyKeyValueStore<String, PaymentCase> cases = stores.store(PaymentsStores.CASES, location);
        PaymentCase found = cases.get(orderId);
        if (found == null) {
            return Optional.empty();
        }
        ReadOnlyKeyValueStore<String, PaymentTransition> history = stores.store(PaymentsStores.HISTORY, location);
        List<CaseView.Transition> transitions = new ArrayList<>();
        try (KeyValueIterator<String, PaymentTransition> oldestFirst = history.range(
                PaymentsStores.historyStart(orderId), PaymentsStores.historyEnd(orderId))) {
            while (oldestFirst.hasNext() && transitions.size() < HISTORY_MAX) {
                PaymentTransition t = oldestFirst.next().value;
                transitions.add(new CaseView.Transition(t.getSeq(), t.getAggregate().name(), t.getAggregateId(),
                        t.getFromState(), t.getEvent(), t.getToState(), t.getEffects(), t.getCauseEventId(),
                        t.getOccurredAt()));
            }
        }
        return Optional.of(view(found, transitions));
    }

    /**
     * Every aggregate on this instance in a state that is neither final nor resting, for at least {@code olderThan},
     * oldest first, at most {@code limit}.
     */
    public List<StuckItem> stuck(Duration olderThan, int limit) {
        Instant now = clock.instant();
        ReadOnlyKeyValueStore<String, String> timers = stores.localStore(PaymentsStores.TIMERS);
        ReadOnlyKeyValueStore<String, PaymentCase> cases = stores.localStore(PaymentsStores.CASES);
        List<StuckItem> stuck = new ArrayList<>();
        // An order waits on several deadlines at once (its own, its payment's, a refund's): read its case once.
        java.util.Map<String, Optional<PaymentCase>> read = new java.util.HashMap<>();
        int scanned = 0;
        try (KeyValueIterator<String, String> all = timers.all()) {
            while (all.hasNext() && scanned++ < STUCK_SCAN_MAX) {
                KeyValue<String, String> timer = all.next();
                PaymentsStores.TimerKey key = PaymentsStores.TimerKey.parse(timer.key);
                read.computeIfAbsent(key.orderId(), orderId -> Optional.ofNullable(cases.get(orderId)))
                        .flatMap(found -> stuckItem(found, key, now))
                        .filter(item -> item.ageSeconds() >= olderThan.toSeconds())
                        .ifPresent(stuck::add);
            }
        }
        return stuck.stream().sorted(Comparator.comparing(StuckItem::since)).limit(limit).toList();
    }

    private Optional<StuckItem> stuckItem(PaymentCase found, PaymentsStores.TimerKey key, Instant now) {
        Optional<Lifecycle> life = switch (key.aggregate()) {
            case ORDER -> Optional.ofNullable(found.getOrder()).map(OrderState::getLife);
            case PAYMENT -> Optional.ofNullable(found.getPayment()).map(PaymentState::getLife);
            case REFUND -> found.getRefunds().stream().filter(r -> r.getRefundId().equals(key.aggregateId()))
                    .findFirst().map(RefundState::getLife);
            case INVOICE -> Optional.ofNullable(found.getInvoice()).map(InvoiceState::getLife);
        };
        return life.filter(l -> !RESTING.contains(key.aggregate() + ":" + l.getState())).map(l -> {
            CaseView.Life view = life(key.aggregate(), l);
            return new StuckItem(found.getOrderId(), key.aggregate().name(), key.aggregateId(), l.getState(),
                    l.getStateSince(), Duration.between(l.getStateSince(), now).toSeconds(), l.getDeadlineAt(),
                    view.nextAction(), l.getAttempts());
        });
    }

    private CaseView view(PaymentCase found, List<CaseView.Transition> history) {
        OrderState o = found.getOrder();
        PaymentState p = found.getPayment();
        InvoiceState i = found.getInvoice();
        return new CaseView(found.getOrderId(),
                o == null ? null : new CaseView.Order(o.getUserId(), o.getAccountId(), o.getKind().name(),
                        o.getAmountMinor(), o.getCurrency(), o.getDescription(), o.getRefundedMinor(),
                        o.getCreatedAt(), life(AggregateKind.ORDER, o.getLife())),
                p == null ? null : new CaseView.Payment(p.getPaymentId(), p.getMethod().name(),
                        p.getProvider() == null ? null : p.getProvider().name(), p.getCapturedMinor(),
                        p.getCreatedAt(), life(AggregateKind.PAYMENT, p.getLife())),
                found.getRefunds().stream().map(r -> new CaseView.Refund(r.getRefundId(), r.getAmountMinor(),
                        r.getReason(), r.getAutomatic(), r.getHeld(), r.getCreatedAt(),
                        life(AggregateKind.REFUND, r.getLife()))).toList(),
                i == null ? null : new CaseView.Invoice(i.getInvoiceId(), i.getNumber(), i.getTotalMinor(),
                        i.getLineCount(), i.getCreatedAt(), life(AggregateKind.INVOICE, i.getLife())),
                history,
                found.getRejections().stream().map(r -> new CaseView.Rejection(r.getEventId(),
                        r.getAggregate() == null ? null : r.getAggregate().name(), r.getAggregateId(), r.getEvent(),
                        r.getCode(), r.getReason(), r.getAt())).toList());
    }

    private CaseView.Life life(AggregateKind kind, Lifecycle life) {
        String next = switch (kind) {
            case ORDER -> nextAction(OrderMachine.TABLE, life);
            case PAYMENT -> nextAction(PaymentMachine.TABLE, life);
            case REFUND -> nextAction(RefundMachine.TABLE, life);
            case INVOICE -> nextAction(InvoiceMachine.TABLE, life);
        };
        return new CaseView.Life(life.getState(), life.getStateSince(), life.getDeadlineAt(), next,
                life.getAttempts());
    }

    private <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> String nextAction(
            TransitionTable<S, E, F> table, Lifecycle life) {
        return deadlines.of(table, table.state(life.getState()))
                .map(deadline -> deadline.eventAfter(life.getAttempts()).name()).orElse(null);
    }
}
