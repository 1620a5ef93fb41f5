package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.Topics;
import java.util.List;

/**
 * The topics one ledger topology reads and writes: command-api's commands (the outbox), the payments app's
 * ({@code serviceCommands}: credits of top-ups, consumes of balance payments, the holds of refunds), and its own
 * transfer legs. The running app uses {@link #PRODUCTION}; the benchmark
 * runs the same topology on topics of its own.
 */
public record LedgerTopics(String commands, String serviceCommands, String transferLegs, String decisions,
                           String entries, String balances, String deadLetters) {

    public static final LedgerTopics PRODUCTION = new LedgerTopics(Topics.ACCOUNT_COMMANDS,
            Topics.PAYMENT_LEDGER_COMMANDS, Topics.LEDGER_TRANSFER_LEGS, Topics.LEDGER_DECISIONS, Topics.LEDGER_ENTRIES,
            Topics.LEDGER_BALANCES, Topics.LEDGER_DEAD_LETTERS);

    /** Every topic the topology writes: they must exist before it starts (the broker does not create topics). */
    public List<String> outputs() {
        return List.of(transferLegs, decisions, entries, balances, deadLetters);
    }

    /** Every topic the topology reads or writes. */
    public List<String> all() {
        return List.of(commands, serviceCommands, transferLegs, decisions, entries, balances, deadLetters);
    }
}
