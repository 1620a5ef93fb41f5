package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies account commands in partition order: drops redeliveries, asks {@link LedgerDecider}, stores the
 * new balance and the decision, and forwards decision, entries and balance to their sinks. Under
 * exactly_once_v2 the store writes, the outputs and the input offset commit together or not at all.
 */
final class AccountCommandProcessor implements Processor<String, AccountCommand, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(AccountCommandProcessor.class);

    private final LedgerDecider decider = new LedgerDecider();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, AccountBalance> balances;
    private KeyValueStore<String, LedgerDecision> decisions;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.balances = context.getStateStore(LedgerStores.BALANCES);
        this.decisions = context.getStateStore(LedgerStores.DECISIONS);
    }

    @Override
    public void process(Record<String, AccountCommand> record) {
        AccountCommand command = record.value();
        if (command == null) {
            // The outbox is insert-only; a tombstone carries no command, so there is nothing to decide.
            log.warn("skipping tombstone for key {} at offset {}", record.key(), offsetOf());
            return;
        }
        if (decisions.get(command.getRequestId()) != null) {
            log.debug("dropping redelivered request {}", command.getRequestId());
            return;
        }
        if (!command.getAccountId().equals(record.key())) {
            // Keyed by another account, it is on a partition that does not own the account's balance.
            throw new IllegalStateException("request " + command.getRequestId() + " for account "
                    + command.getAccountId() + " arrived keyed " + record.key());
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        LedgerOutcome outcome = decider.decide(balances.get(command.getAccountId()), command, at);
        apply(record, outcome);
    }

    private void apply(Record<String, AccountCommand> record, LedgerOutcome outcome) {
        LedgerDecision decision = outcome.decision();
        String accountId = decision.getAccountId();
        if (outcome.balanceAfter() != null) {
            balances.put(accountId, outcome.balanceAfter());
            context.forward(record.withKey(accountId).withValue(outcome.balanceAfter()), LedgerTopology.BALANCES_SINK);
        }
        for (LedgerEntry entry : outcome.entries()) {
            context.forward(record.withKey(accountId).withValue(entry), LedgerTopology.ENTRIES_SINK);
        }
        decisions.put(decision.getRequestId(), decision);
        context.forward(record.withKey(accountId).withValue(decision), LedgerTopology.DECISIONS_SINK);
    }

    private String offsetOf() {
        return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?");
    }
}
