package io.cloudphone.ledger.streams.payments;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.payment.AggregateKind;
import io.cloudphone.ledger.schemas.payment.GatewayCall;
import io.cloudphone.ledger.schemas.payment.Lifecycle;
import io.cloudphone.ledger.schemas.payment.PaymentAlert;
import io.cloudphone.ledger.schemas.payment.PaymentCase;
import io.cloudphone.ledger.schemas.payment.PaymentRejection;
import io.cloudphone.ledger.schemas.payment.PaymentTransition;
import io.cloudphone.ledger.schemas.payment.RefundState;
import io.cloudphone.ledger.streams.payments.PaymentsStores.TimerKey;
import io.cloudphone.ledger.streams.payments.cases.CaseDecider;
import io.cloudphone.ledger.streams.payments.cases.CaseInput;
import io.cloudphone.ledger.streams.payments.cases.CaseOutputs;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetterCounter;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * Decides every input of an order in partition order: reads it through {@link CaseIntake} (anything unusable goes
 * to the dead-letter topic, so no record can stop the app), drops redeliveries, asks {@link CaseDecider}, stores the
 * case with its history and timers, and forwards transitions, rejections, alerts, gateway calls and ledger commands.
 * On a wall-clock schedule it fires the timers that are due, each decided exactly like an input. Under
 * exactly_once_v2 everything one input or one punctuation does commits together with the input offsets, or not at
 * all: no half-done batch. An exception here is a bug and stops the app.
 */
final class CaseProcessor implements Processor<byte[], byte[], Object, Object> {

    /** Bound on the timers one punctuation fires, so that a backlog cannot stall the partition's inputs. */
    static final int TIMERS_PER_PUNCTUATION_MAX = 1_000;

    private static final Logger log = LoggerFactory.getLogger(CaseProcessor.class);

    private final CaseIntake intake;
    private final CaseDecider decider;
    private final PaymentsSettings settings;
    private final DeadLetterCounter deadLetterCounter;
    private ProcessorContext<Object, Object> context;
    private DeadLetters deadLetters;
    private KeyValueStore<String, PaymentCase> cases;
    private KeyValueStore<String, PaymentTransition> history;
    private KeyValueStore<String, String> timers;
    private KeyValueStore<String, String> seen;

    CaseProcessor(CaseIntake intake, PaymentsSettings settings, DeadLetterCounter deadLetterCounter) {
        this.intake = intake;
        this.decider = new CaseDecider(settings.deadlines());
        this.settings = settings;
        this.deadLetterCounter = deadLetterCounter;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.deadLetters = new DeadLetters(context, PaymentsTopology.DEAD_LETTERS_SINK, deadLetterCounter);
        this.cases = context.getStateStore(PaymentsStores.CASES);
        this.history = context.getStateStore(PaymentsStores.HISTORY);
        this.timers = context.getStateStore(PaymentsStores.TIMERS);
        this.seen = context.getStateStore(PaymentsStores.SEEN);
        context.schedule(settings.timerCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::fireDueTimers);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(metadata -> metadata.topic())
                .orElseThrow(() -> new IllegalStateException("a source record without metadata"));
        switch (intake.read(topic, record.key(), record.value())) {
            case CaseIntake.ToDecide toDecide -> decideOnce(toDecide.input(), record.timestamp());
            case CaseIntake.SetAside setAside -> deadLetters.send(record, setAside.deadLetter());
        }
    }

    private void decideOnce(CaseInput input, long timestamp) {
        if (seen.get(input.eventId()) != null) {
            log.debug("dropping redelivered {}", input.eventId());
            return;
        }
        decide(input, timestamp);
        seen.put(input.eventId(), input.orderId());
    }

    private void decide(CaseInput input, long timestamp) {
        PaymentCase stored = cases.get(input.orderId());
        CaseOutputs outputs = decider.decide(stored, input, Instant.ofEpochMilli(context.currentSystemTimeMs()));
        if (outputs.caseAfter() != null) {
            PaymentCase after = outputs.caseAfter();
            cases.put(input.orderId(), after);
            moveTimers(stored, after);
        }
        String key = input.orderId();
        for (PaymentTransition transition : outputs.transitions()) {
            history.put(PaymentsStores.historyKey(key, transition.getSeq()), transition);
            forward(key, transition, PaymentsTopology.TRANSITIONS_SINK, timestamp);
        }
        for (PaymentRejection rejection : outputs.rejections()) {
            forward(key, rejection, PaymentsTopology.REJECTIONS_SINK, timestamp);
        }
        for (PaymentAlert alert : outputs.alerts()) {
            log.warn("alert on order {}: {}", key, alert.getReason());
            forward(key, alert, PaymentsTopology.ALERTS_SINK, timestamp);
        }
        for (GatewayCall call : outputs.calls()) {
            forward(key, call, PaymentsTopology.GATEWAY_CALLS_SINK, timestamp);
        }
        for (AccountCommand command : outputs.ledgerCommands()) {
            forward(command.getAccountId(), command, PaymentsTopology.LEDGER_COMMANDS_SINK, timestamp);
        }
    }

    /** Keeps the timer index in step with the case: one key per aggregate that waits on a deadline. */
    private void moveTimers(PaymentCase before, PaymentCase after) {
        Set<String> old = timerKeys(before);
        Set<String> now = timerKeys(after);
        for (String key : old) {
            if (!now.contains(key)) {
                timers.delete(key);
            }
        }
        for (String key : now) {
            if (!old.contains(key)) {
                timers.put(key, "");
            }
        }
    }

    static Set<String> timerKeys(PaymentCase current) {
        Set<String> keys = new HashSet<>();
        if (current == null) {
            return keys;
        }
        String orderId = current.getOrderId();
        if (current.getOrder() != null) {
            addTimer(keys, orderId, AggregateKind.ORDER, orderId, current.getOrder().getLife());
        }
        if (current.getPayment() != null) {
            addTimer(keys, orderId, AggregateKind.PAYMENT, current.getPayment().getPaymentId(),
                    current.getPayment().getLife());
        }
        for (RefundState refund : current.getRefunds()) {
            addTimer(keys, orderId, AggregateKind.REFUND, refund.getRefundId(), refund.getLife());
        }
        if (current.getInvoice() != null) {
            addTimer(keys, orderId, AggregateKind.INVOICE, current.getInvoice().getInvoiceId(),
                    current.getInvoice().getLife());
        }
        return keys;
    }

    private static void addTimer(Set<String> keys, String orderId, AggregateKind kind, String id, Lifecycle life) {
        if (life.getDeadlineAt() != null) {
            keys.add(PaymentsStores.timerKey(life.getDeadlineAt().toEpochMilli(), orderId, kind, id));
        }
    }

    /**
     * Fires the timers due by now, earliest first, at most {@link #TIMERS_PER_PUNCTUATION_MAX}; the rest wait for the
     * next run. Each is removed as it fires; one whose aggregate moved on since is void and changes nothing.
     */
    private void fireDueTimers(long nowMillis) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> iterator = timers.range(null, PaymentsStores.timersDueBy(nowMillis))) {
            while (iterator.hasNext() && due.size() < TIMERS_PER_PUNCTUATION_MAX) {
                due.add(iterator.next());
            }
        }
        for (KeyValue<String, String> timer : due) {
            timers.delete(timer.key);
            TimerKey key = TimerKey.parse(timer.key);
            decide(new CaseInput.TimerFired(key.orderId(), key.aggregate(), key.aggregateId(), key.dueAtMillis()),
                    nowMillis);
        }
    }

    private void forward(String key, Object value, String sink, long timestamp) {
        context.forward(new Record<>(key, value, timestamp), sink);
    }
}
