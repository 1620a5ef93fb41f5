package io.cloudphone.ledger.streams.payments.cases;

import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.payment.AggregateKind;
import io.cloudphone.ledger.schemas.payment.GatewayOutcome;
import io.cloudphone.ledger.schemas.payment.PaymentCommand;
import io.cloudphone.ledger.schemas.payment.PaymentLedgerRequests;

/** One input to an order's case, read and checked: what the case decides on. */
public sealed interface CaseInput {

    /** Unique per input: a redelivery has the same, and the app drops it. */
    String eventId();

    String orderId();

    /** A command command-api accepted (cpl.outbox.payment). */
    record Command(PaymentCommand command) implements CaseInput {
        @Override
        public String eventId() {
            return command.getEventId();
        }

        @Override
        public String orderId() {
            return command.getOrderId();
        }
    }

    /** What the provider answered a gateway call (cpl.outbox.gateway). */
    record Outcome(GatewayOutcome outcome) implements CaseInput {
        @Override
        public String eventId() {
            return outcome.getEventId();
        }

        @Override
        public String orderId() {
            return outcome.getOrderId();
        }
    }

    /** The ledger's decision on one of the app's ledger commands. */
    record LedgerAnswer(LedgerDecision decision, PaymentLedgerRequests.Request request) implements CaseInput {
        @Override
        public String eventId() {
            return "ledger:" + decision.getRequestId();
        }

        @Override
        public String orderId() {
            return request.orderId();
        }
    }

    /** An aggregate's deadline came: void unless the aggregate still waits on exactly this one. */
    record TimerFired(String orderId, AggregateKind aggregate, String aggregateId, long dueAtMillis)
            implements CaseInput {
        @Override
        public String eventId() {
            return "timer:" + aggregate + ":" + aggregateId + ":" + dueAtMillis;
        }
    }
}
