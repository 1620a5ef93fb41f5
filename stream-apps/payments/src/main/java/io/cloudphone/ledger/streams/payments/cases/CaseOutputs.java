package io.cloudphone.ledger.streams.payments.cases;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.payment.GatewayCall;
import io.cloudphone.ledger.schemas.payment.PaymentAlert;
import io.cloudphone.ledger.schemas.payment.PaymentCase;
import io.cloudphone.ledger.schemas.payment.PaymentRejection;
import io.cloudphone.ledger.schemas.payment.PaymentTransition;
import java.util.List;

/**
 * What deciding one input produced: the case as it stands after (null when the input changed nothing and there is
 * still no case), and everything to emit, in order. The processor writes the case and emits all of it in one
 * exactly-once transaction, or none of it.
 */
public record CaseOutputs(PaymentCase caseAfter, boolean changed, List<PaymentTransition> transitions,
                          List<PaymentRejection> rejections, List<PaymentAlert> alerts, List<GatewayCall> calls,
                          List<AccountCommand> ledgerCommands) {

    public CaseOutputs {
        transitions = List.copyOf(transitions);
        rejections = List.copyOf(rejections);
        alerts = List.copyOf(alerts);
        calls = List.copyOf(calls);
        ledgerCommands = List.copyOf(ledgerCommands);
    }
}
