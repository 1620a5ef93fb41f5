package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.Hold;
import io.cloudphone.ledger.schemas.ledger.HoldStatus;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies account commands in partition order: drops redeliveries, asks {@link LedgerDecider}, writes the
 * outcome to the stores and forwards decision, entries, balance and transfer legs to their sinks; and, on a
 * wall-clock schedule, expires the open holds whose time has come. Under exactly_once_v2 the store writes,
 * the outputs and the input offsets commit together or not at all.
 */
final class AccountCommandProcessor implements Processor<String, AccountCommand, String, Object> {

    /** Bound on the holds expired in one punctuation, so that one cannot stall the partition's commands. */
    static final int EXPIRIES_PER_PUNCTUATION_MAX = 1_000;

    private static final Logger log = LoggerFactory.getLogger(AccountCommandProcessor.class);

    private final LedgerDecider decider = new LedgerDecider();
    private final Duration holdExpiryCheckInterval;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, AccountBalance> balances;
    private KeyValueStore<String, LedgerDecision> decisions;
    private KeyValueStore<String, Hold> holds;
    private KeyValueStore<String, String> holdExpiries;
    private KeyValueStore<String, LedgerEntry> entries;
    private LedgerView view;

    AccountCommandProcessor(Duration holdExpiryCheckInterval) {
        this.holdExpiryCheckInterval = holdExpiryCheckInterval;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.balances = context.getStateStore(LedgerStores.BALANCES);
        this.decisions = context.getStateStore(LedgerStores.DECISIONS);
        this.holds = context.getStateStore(LedgerStores.HOLDS);
        this.holdExpiries = context.getStateStore(LedgerStores.HOLD_EXPIRIES);
        this.entries = context.getStateStore(LedgerStores.ENTRIES);
        this.view = new LedgerView() {
            @Override
            public AccountBalance account(String accountId) {
                return balances.get(accountId);
            }

            @Override
            public Hold hold(String holdId) {
                return holds.get(holdId);
            }
        };
        context.schedule(holdExpiryCheckInterval, PunctuationType.WALL_CLOCK_TIME, this::expireDueHolds);
    }

    @Override
    public void process(Record<String, AccountCommand> record) {
        AccountCommand command = record.value();
        if (command == null) {
            // The outbox is insert-only; a tombstone carries no command, so there is nothing to decide.
            log.warn("skipping tombstone for key {} at {}", record.key(), offsetOf());
            return;
        }
        if (decisions.get(command.getRequestId()) != null) {
            log.debug("dropping redelivered request {}", command.getRequestId());
            return;
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        if (!command.getAccountId().equals(record.key())) {
            // On this partition the account's state is not ours to read: refuse it, visibly, without touching any.
            rejectMisrouted(record, command, at);
            return;
        }
        apply(decider.decide(view, command, at), record.timestamp());
    }

    private void rejectMisrouted(Record<String, AccountCommand> record, AccountCommand command, Instant at) {
        log.error("request {} for account {} arrived keyed {} at {}; rejected", command.getRequestId(),
                command.getAccountId(), record.key(), offsetOf());
        LedgerDecision rejected = Decisions.of(command.getRequestId(), command.getAccountId(), "Misrouted",
                DecisionOutcome.REJECTED, RejectionCode.MALFORMED_COMMAND,
                "the command is keyed " + record.key() + ", not by its account", null, at);
        decisions.put(rejected.getRequestId(), rejected);
        context.forward(new Record<>(record.key(), rejected, record.timestamp()), LedgerTopology.DECISIONS_SINK);
    }

    private void apply(LedgerOutcome outcome, long timestamp) {
        LedgerDecision decision = outcome.decision();
        String accountId = decision.getAccountId();
        if (outcome.balanceAfter() != null) {
            balances.put(accountId, outcome.balanceAfter());
            forward(accountId, outcome.balanceAfter(), LedgerTopology.BALANCES_SINK, timestamp);
        }
        List<LedgerEntry> posted = outcome.entries();
        for (int index = 0; index < posted.size(); index++) {
            LedgerEntry entry = posted.get(index);
            entries.put(LedgerStores.entryKey(accountId, entry.getVersionAfter(), index), entry);
            forward(accountId, entry, LedgerTopology.ENTRIES_SINK, timestamp);
        }
        for (Hold hold : outcome.holds()) {
            putHold(hold);
        }
        for (AccountCommand leg : outcome.transferLegs()) {
            forward(leg.getAccountId(), leg, LedgerTopology.TRANSFER_LEGS_SINK, timestamp);
        }
        decisions.put(decision.getRequestId(), decision);
        forward(accountId, decision, LedgerTopology.DECISIONS_SINK, timestamp);
    }

    /** Keeps the expiry index in step with the hold: indexed while open with an expiry, not otherwise. */
    private void putHold(Hold hold) {
        holds.put(hold.getHoldId(), hold);
        if (hold.getExpiresAt() == null) {
            return;
        }
        String expiryKey = LedgerStores.expiryKey(hold.getExpiresAt().toEpochMilli(), hold.getHoldId());
        if (hold.getStatus() == HoldStatus.OPEN) {
            holdExpiries.put(expiryKey, hold.getHoldId());
        } else {
            holdExpiries.delete(expiryKey);
        }
    }

    private void expireDueHolds(long nowMillis) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> iterator =
                     holdExpiries.range(null, LedgerStores.expiryKeyAfter(nowMillis))) {
            while (iterator.hasNext() && due.size() < EXPIRIES_PER_PUNCTUATION_MAX) {
                due.add(iterator.next());
            }
        }
        for (KeyValue<String, String> expiry : due) {
            Hold hold = holds.get(expiry.value);
            if (hold == null || hold.getStatus() != HoldStatus.OPEN) {
                holdExpiries.delete(expiry.key); // closed meanwhile: nothing left to expire
                continue;
            }
            apply(decider.expire(view, hold, Instant.ofEpochMilli(nowMillis)), nowMillis);
        }
    }

    private void forward(String key, Object value, String sink, long timestamp) {
        context.forward(new Record<>(key, value, timestamp), sink);
    }

    private String offsetOf() {
        return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?");
    }
}
