package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.Topics;

/**
 * The topics one ledger topology reads and writes. The running app uses {@link #PRODUCTION}; the benchmark
 * runs the same topology on topics of its own.
 */
public record LedgerTopics(String commands, String transferLegs, String decisions, String entries, String balances) {

    public static final LedgerTopics PRODUCTION = new LedgerTopics(Topics.ACCOUNT_COMMANDS, Topics.LEDGER_TRANSFER_LEGS,
            Topics.LEDGER_DECISIONS, Topics.LEDGER_ENTRIES, Topics.LEDGER_BALANCES);
}
