package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.Hold;
import io.cloudphone.ledger.schemas.ledger.HoldStatus;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.streams.ledger.CommandIntake.RejectedRequest;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetter;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetterCounter;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetters;
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
 * Applies account commands in partition order: reads each record itself (so that no record can stop the
 * ledger: an unreadable or invalid one goes to the dead-letter topic), drops redeliveries, asks
 * {@link LedgerDecider}, writes the outcome to the stores and forwards decision, entries, balance and
 * transfer legs to their sinks; and, on a wall-clock schedule, expires the open holds nobody touched. Under
 * exactly_once_v2 the store writes, the outputs, the dead letters and the input offsets commit together or
 * not at all. An exception thrown here is a bug and stops the ledger: money is never skipped.
 */
final class AccountCommandProcessor implements Processor<byte[], byte[], Object, Object> {

    /** Bound on the holds expired in one punctuation, so that one cannot stall the partition's commands. */
    static final int EXPIRIES_PER_PUNCTUATION_MAX = 1_000;

    private static final Logger log = LoggerFactory.getLogger(AccountCommandProcessor.class);

    private final LedgerDecider decider = new LedgerDecider();
    private final CommandIntake intake;
    private final HoldExpiry holdExpiry;
    private final DeadLetterCounter deadLetterCounter;
    private ProcessorContext<Object, Object> context;
    private DeadLetters deadLetters;
    private KeyValueStore<String, AccountBalance> balances;
    private KeyValueStore<String, LedgerDecision> decisions;
    private KeyValueStore<String, Hold> holds;
    private KeyValueStore<String, String> holdExpiries;
    private KeyValueStore<String, LedgerEntry> entries;
    private LedgerView view;

    AccountCommandProcessor(CommandIntake intake, HoldExpiry holdExpiry, DeadLetterCounter deadLetterCounter) {
        this.intake = intake;
        this.holdExpiry = holdExpiry;
        this.deadLetterCounter = deadLetterCounter;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.deadLetters = new DeadLetters(context, LedgerTopology.DEAD_LETTERS_SINK, deadLetterCounter);
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
        context.schedule(holdExpiry.checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::expireHoldsNobodyTouched);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(metadata -> metadata.topic())
                .orElseThrow(() -> new IllegalStateException("a source record without metadata"));
        switch (intake.read(topic, record.key(), record.value())) {
            case CommandIntake.ToDecide valid -> decide(valid.command(), record.timestamp());
            case CommandIntake.SetAside invalid -> setAside(record, invalid.deadLetter(), invalid.rejection().orElse(null));
        }
    }

    private void decide(AccountCommand command, long timestamp) {
        if (decisions.get(command.getRequestId()) != null) {
            log.debug("dropping redelivered request {}", command.getRequestId());
            return;
        }
        Instant at = Instant.ofEpochMilli(timestamp);
        // A hold the command finds expired at the command's own time expires first, whether or not the sweeper
        // got to it yet: so the outcome depends on when the request was made, never on when the sweeper ran.
        decider.holdExpiredBy(view, command).ifPresent(expired -> apply(decider.expire(view, expired, at), timestamp));
        apply(decider.decide(view, command, at), timestamp);
    }

    /**
     * The record goes to the dead-letter topic; its sender, if it named a usable request id not decided yet,
     * gets a REJECTED decision. A request id already decided keeps its decision: nothing accepted is changed.
     */
    private void setAside(Record<byte[], byte[]> record, DeadLetter deadLetter, RejectedRequest rejected) {
        deadLetters.send(record, deadLetter);
        if (rejected == null || decisions.get(rejected.requestId()) != null) {
            return;
        }
        String key = rejected.key();
        // Only an account this partition owns (the key) has state worth showing beside the rejection.
        AccountBalance state = rejected.accountId().equals(key) ? balances.get(key) : null;
        LedgerDecision decision = Decisions.of(rejected.requestId(), rejected.accountId(), rejected.operation(),
                DecisionOutcome.REJECTED, rejected.code(), rejected.reason(), state, Instant.ofEpochMilli(record.timestamp()));
        decisions.put(decision.getRequestId(), decision);
        forward(key, decision, LedgerTopology.DECISIONS_SINK, record.timestamp());
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

    /**
     * Keeps the expiry index in step with the hold: indexed while open, not otherwise. Every hold placed now has an
     * expiry (HoldLifetime); one stored before that rule may have none and is then never swept.
     */
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

    /**
     * The sweeper: releases open holds whose expiry lies more than the grace period in the past. The grace
     * leaves time for a capture or release made before the expiry to arrive through the outbox and be
     * decided by its own time.
     */
    private void expireHoldsNobodyTouched(long nowMillis) {
        long dueBeforeMillis = nowMillis - holdExpiry.grace().toMillis();
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> iterator =
                     holdExpiries.range(null, LedgerStores.expiryKeyAfter(dueBeforeMillis))) {
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
}
