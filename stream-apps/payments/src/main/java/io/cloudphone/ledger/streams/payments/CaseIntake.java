package io.cloudphone.ledger.streams.payments;

import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.payment.GatewayOutcome;
import io.cloudphone.ledger.schemas.payment.PaymentCommand;
import io.cloudphone.ledger.schemas.payment.PaymentLedgerRequests;
import io.cloudphone.ledger.schemas.serde.AvroSerde;
import io.cloudphone.ledger.streams.payments.cases.CaseInput;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetter;
import io.cloudphone.ledger.streams.runtime.deadletter.Decoded;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Bytes from one of the case processor's topics to an input to decide, or the reason it is set aside (a dead
 * letter): unreadable, keyed by something that is not its order, or naming an order or event id no order can have.
 * Pure; one unit test per reason.
 */
final class CaseIntake {

    /** Why a readable record is set aside (the unreadable ones carry the runtime's decoding reasons). */
    enum Reason {
        /** The key is not the order the record names: it would be decided in another order's partition. */
        KEY_MISMATCH,
        /** The order id is not a merchant number (6-32 of A-Z a-z 0-9 _ -), or the event id is empty. */
        INVALID_ID,
        /** A ledger answer whose request id is not one of the payments app's. */
        NOT_A_PAYMENTS_REQUEST
    }

    sealed interface Intake {
    }

    record ToDecide(CaseInput input) implements Intake {
    }

    record SetAside(DeadLetter deadLetter) implements Intake {
    }

    private static final int EVENT_ID_LENGTH_MAX = 200;

    private final AvroSerde<PaymentCommand> commands;
    private final AvroSerde<GatewayOutcome> outcomes;
    private final AvroSerde<LedgerDecision> decisions;
    private final PaymentsTopics topics;

    CaseIntake(AvroSerde<PaymentCommand> commands, AvroSerde<GatewayOutcome> outcomes,
               AvroSerde<LedgerDecision> decisions, PaymentsTopics topics) {
        this.commands = commands;
        this.outcomes = outcomes;
        this.decisions = decisions;
        this.topics = topics;
    }

    Intake read(String topic, byte[] keyBytes, byte[] value) {
        String key = keyBytes == null ? null : new String(keyBytes, StandardCharsets.UTF_8);
        if (topic.equals(topics.commands())) {
            return switch (Decoded.decode(commands, topic, value)) {
                case Decoded.Readable<PaymentCommand> readable -> checked(key, new CaseInput.Command(readable.value()));
                case Decoded.Unreadable<PaymentCommand> unreadable -> new SetAside(unreadable.deadLetter());
            };
        }
        if (topic.equals(topics.gatewayOutcomes())) {
            return switch (Decoded.decode(outcomes, topic, value)) {
                case Decoded.Readable<GatewayOutcome> readable -> checked(key, new CaseInput.Outcome(readable.value()));
                case Decoded.Unreadable<GatewayOutcome> unreadable -> new SetAside(unreadable.deadLetter());
            };
        }
        if (topic.equals(topics.ledgerAnswers())) {
            return switch (Decoded.decode(decisions, topic, value)) {
                case Decoded.Readable<LedgerDecision> readable -> answer(key, readable.value());
                case Decoded.Unreadable<LedgerDecision> unreadable -> new SetAside(unreadable.deadLetter());
            };
        }
        throw new IllegalStateException("the case processor does not read " + topic);
    }

    private Intake answer(String key, LedgerDecision decision) {
        Optional<PaymentLedgerRequests.Request> request = PaymentLedgerRequests.parse(decision.getRequestId());
        if (request.isEmpty()) {
            return setAside(Reason.NOT_A_PAYMENTS_REQUEST, "request id " + decision.getRequestId()
                    + " is not one the payments app sends");
        }
        return checked(key, new CaseInput.LedgerAnswer(decision, request.get()));
    }

    private static Intake checked(String key, CaseInput input) {
        String orderId = input.orderId();
        if (orderId == null || !PaymentLedgerRequests.MERCHANT_NUMBER.matcher(orderId).matches()) {
            return setAside(Reason.INVALID_ID, "order id '" + orderId + "' is not 6-32 of A-Z a-z 0-9 _ -");
        }
        String eventId = input.eventId();
        if (eventId == null || eventId.isBlank() || eventId.length() > EVENT_ID_LENGTH_MAX) {
            return setAside(Reason.INVALID_ID, "event id '" + eventId + "' is empty or longer than "
                    + EVENT_ID_LENGTH_MAX);
        }
        if (!orderId.equals(key)) {
            return setAside(Reason.KEY_MISMATCH, "keyed '" + key + "' but names order " + orderId);
        }
        return new ToDecide(input);
    }

    private static SetAside setAside(Reason reason, String detail) {
        return new SetAside(new DeadLetter(reason.name(), detail));
    }
}
