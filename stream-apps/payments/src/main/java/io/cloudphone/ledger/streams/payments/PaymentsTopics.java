package io.cloudphone.ledger.streams.payments;

import io.cloudphone.ledger.schemas.Topics;
import java.util.List;

/**
 * The topics one payments topology reads and writes. The running app uses {@link #PRODUCTION}; a benchmark (still to
 * come) runs the same topology on topics of its own, as the ledger's does.
 */
public record PaymentsTopics(String commands, String gatewayOutcomes, String ledgerDecisions, String ledgerAnswers,
                             String transitions, String rejections, String alerts, String gatewayCalls,
                             String ledgerCommands, String deadLetters) {

    public static final PaymentsTopics PRODUCTION = new PaymentsTopics(Topics.PAYMENT_COMMANDS,
            Topics.GATEWAY_OUTCOMES, Topics.LEDGER_DECISIONS, Topics.PAYMENT_LEDGER_ANSWERS,
            Topics.PAYMENT_TRANSITIONS, Topics.PAYMENT_REJECTIONS, Topics.PAYMENT_ALERTS, Topics.GATEWAY_CALLS,
            Topics.PAYMENT_LEDGER_COMMANDS, Topics.PAYMENT_DEAD_LETTERS);

    /** Every topic the topology reads or writes: the app refuses to start while one is missing. */
    public List<String> all() {
        return List.of(commands, gatewayOutcomes, ledgerDecisions, ledgerAnswers, transitions, rejections, alerts,
                gatewayCalls, ledgerCommands, deadLetters);
    }
}
