package io.cloudphone.ledger.streams.payments.cases;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.payment.AggregateKind;
import io.cloudphone.ledger.schemas.payment.GatewayCall;
import io.cloudphone.ledger.schemas.payment.Lifecycle;
import io.cloudphone.ledger.schemas.payment.PaymentAlert;
import io.cloudphone.ledger.schemas.payment.PaymentCase;
import io.cloudphone.ledger.schemas.payment.PaymentRejection;
import io.cloudphone.ledger.schemas.payment.PaymentTransition;
import io.cloudphone.ledger.schemas.payment.RejectionNote;
import io.cloudphone.ledger.streams.payments.machine.Decision;
import io.cloudphone.ledger.streams.payments.machine.Deadline;
import io.cloudphone.ledger.streams.payments.machine.RejectionCode;
import io.cloudphone.ledger.streams.payments.machine.Transition;
import io.cloudphone.ledger.streams.payments.machine.TransitionTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One input's work on one case: a private copy of the case, the clock of the decision, and what it emits. Moves an
 * aggregate by its table ({@link #move}, {@link #create}), keeping its lifecycle (state, since, deadline, the timer's
 * attempts) and numbering every transition; records rejections and alerts. Knows nothing of what the effects mean:
 * that is {@link CaseDecider}'s.
 */
final class CaseWork {

    /** How many refusals a case remembers for the GETs (the topic has them all). */
    static final int REJECTION_NOTES_MAX = 20;

    /** More transitions than any order can have (50 refunds of about 5 each, and the rest): a loop is a bug. */
    static final int TRANSITIONS_PER_INPUT_MAX = 64;

    final PaymentCase current;
    final Instant now;
    final String cause;
    private final Deadlines deadlines;
    private final List<PaymentTransition> transitions = new ArrayList<>();
    private final List<PaymentRejection> rejections = new ArrayList<>();
    private final List<PaymentAlert> alerts = new ArrayList<>();
    private final List<GatewayCall> calls = new ArrayList<>();
    private final List<AccountCommand> ledgerCommands = new ArrayList<>();
    private boolean changed;

    CaseWork(PaymentCase stored, String orderId, Instant now, String cause, Deadlines deadlines) {
        this.current = stored == null ? PaymentCase.newBuilder().setOrderId(orderId).setSeq(0)
                .setRefunds(new ArrayList<>()).setRejections(new ArrayList<>()).build()
                : PaymentCase.newBuilder(stored).build();
        this.changed = false;
        this.now = now;
        this.cause = cause;
        this.deadlines = deadlines;
    }

    String orderId() {
        return current.getOrderId();
    }

    /**
     * Decides {@code event} for an aggregate that exists: on a legal row, moves its lifecycle and returns the row's
     * effects for the caller to run; otherwise records the rejection and returns empty. A timer's retry that stays in
     * the state counts an attempt and sets the next deadline; any other row that stays keeps the deadline it had.
     */
    <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> Optional<List<F>> move(
            AggregateKind kind, String id, TransitionTable<S, E, F> table, Lifecycle life, E event,
            boolean fromTimer, Long amountMinor) {
        S from = table.state(life.getState());
        return switch (table.decide(from, event)) {
            case Decision.Rejected<S, E, F> rejected -> {
                reject(kind, id, from.name(), event.name(), rejected.rejection().code(), rejected.rejection().reason());
                yield Optional.empty();
            }
            case Decision.Accepted<S, E, F> accepted -> {
                Transition<S, E, F> row = accepted.transition();
                if (row.to() != from) {
                    enter(table, life, row.to());
                } else if (fromTimer) {
                    int attempts = Math.addExact(life.getAttempts(), 1);
                    life.setAttempts(attempts);
                    life.setDeadlineAt(deadlines.of(table, from).map(deadline -> due(deadline, attempts)).orElse(null));
                }
                record(kind, id, from.name(), event.name(), row.to().name(), row.effects(), amountMinor);
                yield Optional.of(row.effects());
            }
        };
    }

    /** Decides the event that creates an aggregate: its lifecycle and the row's effects, or the rejection. */
    <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> Optional<Created<F>> create(
            AggregateKind kind, String id, TransitionTable<S, E, F> table, E event, Long amountMinor) {
        return switch (table.create(event)) {
            case Decision.Rejected<S, E, F> rejected -> {
                reject(kind, id, null, event.name(), rejected.rejection().code(), rejected.rejection().reason());
                yield Optional.empty();
            }
            case Decision.Accepted<S, E, F> accepted -> {
                Transition<S, E, F> row = accepted.transition();
                Lifecycle life = Lifecycle.newBuilder().setState(row.to().name()).setStateSince(now).setAttempts(0)
                        .setDeadlineAt(null).build();
                enter(table, life, row.to());
                record(kind, id, null, event.name(), row.to().name(), row.effects(), amountMinor);
                yield Optional.of(new Created<>(life, row.effects()));
            }
        };
    }

    /** A created aggregate's lifecycle and the effects its creation sets off. */
    record Created<F>(Lifecycle life, List<F> effects) {
    }

    /** The event of the deadline {@code life} waits on, if it is the one due at {@code dueAtMillis}. */
    <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> Optional<E> dueEvent(TransitionTable<S, E, F> table,
            Lifecycle life, long dueAtMillis) {
        if (life == null || life.getDeadlineAt() == null || life.getDeadlineAt().toEpochMilli() != dueAtMillis) {
            return Optional.empty(); // the aggregate left the state, or was retried since: this timer is void
        }
        S state = table.state(life.getState());
        return deadlines.of(table, state).map(deadline -> deadline.eventAfter(life.getAttempts()));
    }

    void reject(AggregateKind kind, String id, String state, String event, RejectionCode code, String reason) {
        List<RejectionNote> notes = current.getRejections();
        if (notes.size() >= REJECTION_NOTES_MAX) {
            notes.remove(0);
        }
        notes.add(RejectionNote.newBuilder().setEventId(cause).setAggregate(kind).setAggregateId(id).setEvent(event)
                .setCode(code.name()).setReason(reason).setAt(now).build());
        changed = true;
        rejections.add(PaymentRejection.newBuilder().setEventId(cause).setOrderId(orderId()).setAggregate(kind)
                .setAggregateId(id).setState(state).setEvent(event).setCode(code.name()).setReason(reason)
                .setOccurredAt(now).build());
    }

    void alert(AggregateKind kind, String id, String state, String reason) {
        alerts.add(PaymentAlert.newBuilder().setAlertId(cause + "/" + alerts.size())
                .setOrderId(orderId()).setAggregate(kind).setAggregateId(id).setState(state).setReason(reason)
                .setOccurredAt(now).build());
    }

    void call(GatewayCall call) {
        calls.add(call);
    }

    void ledger(AccountCommand command) {
        ledgerCommands.add(command);
    }

    /** The case changed without a transition (an invoice's number, a refunded total): it must be stored. */
    void touched() {
        changed = true;
    }

    CaseOutputs outputs() {
        boolean anything = changed || !transitions.isEmpty();
        PaymentCase after = anything ? current : null;
        return new CaseOutputs(after, anything, transitions, rejections, alerts, calls, ledgerCommands);
    }

    private <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> void enter(TransitionTable<S, E, F> table,
            Lifecycle life, S state) {
        life.setState(state.name());
        life.setStateSince(now);
        life.setAttempts(0);
        life.setDeadlineAt(deadlines.of(table, state).map(deadline -> due(deadline, 0)).orElse(null));
    }

    private Instant due(Deadline<?> deadline, int attemptsMade) {
        return now.plus(deadline.delayAfter(attemptsMade));
    }

    private void record(AggregateKind kind, String id, String from, String event, String to, List<?> effects,
                        Long amountMinor) {
        if (transitions.size() >= TRANSITIONS_PER_INPUT_MAX) {
            throw new IllegalStateException("order " + orderId() + ": more than " + TRANSITIONS_PER_INPUT_MAX
                    + " transitions from one input (" + cause + "): a loop between the machines");
        }
        long seq = Math.addExact(current.getSeq(), 1);
        current.setSeq(seq);
        String accountId = current.getOrder() == null ? null : current.getOrder().getAccountId();
        String currency = current.getOrder() == null ? null : current.getOrder().getCurrency();
        transitions.add(PaymentTransition.newBuilder().setEventId(orderId() + "#" + seq).setOrderId(orderId())
                .setSeq(seq).setAggregate(kind).setAggregateId(id).setFromState(from).setEvent(event).setToState(to)
                .setEffects(effects.stream().map(effect -> ((Enum<?>) effect).name()).toList())
                .setCauseEventId(cause).setOccurredAt(now).setAccountId(accountId).setAmountMinor(amountMinor)
                .setCurrency(currency).build());
    }
}
