package io.cloudphone.ledger.gateway;

import io.cloudphone.ledger.provider.PaymentProvider;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.payment.GatewayCall;
import io.cloudphone.ledger.schemas.serde.AvroSerde;
import io.cloudphone.ledger.schemas.serde.UnreadableRecordException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Consumes the calls the payments app decided ({@code cpl.payments.gateway-calls}, committed records only), makes
 * each at its provider and records the outcome, then commits the offsets of the batch. A call already recorded is
 * skipped. Killed anywhere, it reads the uncommitted calls again and makes them again under the same merchant numbers,
 * which the provider answers with the same charge or refund: at most one charge, at most one refund per number.
 * Calls of one order are made in order; different orders' at once, up to {@code concurrency}.
 */
@Component
class GatewayWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayWorker.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int RECORDS_PER_POLL_MAX = 100;
    /** Room for a batch of one order's calls made one after another, each up to the request timeout. */
    private static final Duration POLL_INTERVAL_MAX = Duration.ofMinutes(15);

    private final GatewayProperties properties;
    private final Map<ProviderName, PaymentProvider> providers;
    private final OutcomeRecorder recorder;
    private final AvroSerde<GatewayCall> calls;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger callsMade = new AtomicInteger();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread loop;
    private volatile boolean running;
    private volatile Instant lastPoll = Instant.EPOCH;
    private volatile Throwable failure;

    GatewayWorker(GatewayProperties properties, Map<ProviderName, PaymentProvider> providers,
                  OutcomeRecorder recorder, Topics topics) {
        this.properties = properties;
        this.providers = providers;
        this.recorder = recorder;
        this.calls = topics.gatewayCallSerde();
    }

    @Override
    public void start() {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, RECORDS_PER_POLL_MAX);
        settings.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) POLL_INTERVAL_MAX.toMillis());
        settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) properties.sessionTimeout().toMillis());
        settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) properties.sessionTimeout().toMillis() / 3);
        consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.GATEWAY_CALLS));
        running = true;
        loop = Thread.ofPlatform().name("gateway-calls").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (loop != null) {
                loop.join(Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Why the worker is not working, or null: it failed, or it has not polled within the stall timeout. */
    String trouble() {
        if (failure != null) {
            return "stopped by " + failure;
        }
        Duration since = Duration.between(lastPoll, clock.instant());
        return running && since.compareTo(properties.stallTimeout()) > 0 ? "no poll for " + since.toSeconds() + " s"
                : null;
    }

    private void run() {
        try (ExecutorService orders = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore permits = new Semaphore(properties.concurrency());
            while (running) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(POLL);
                lastPoll = clock.instant();
                if (batch.isEmpty()) {
                    continue;
                }
                List<Future<?>> work = new ArrayList<>();
                for (List<ConsumerRecord<String, byte[]>> ofOneOrder : byOrder(batch).values()) {
                    permits.acquire();
                    work.add(orders.submit(() -> {
                        try {
                            ofOneOrder.forEach(this::handle);
                        } finally {
                            permits.release();
                        }
                    }));
                }
                for (Future<?> done : work) {
                    done.get();
                }
                consumer.commitSync();
            }
        } catch (WakeupException stopping) {
            log.info("gateway worker stopping");
        } catch (Throwable unexpected) {
            // A database that is down, say: stop and say so (health DOWN), never skip a call.
            failure = unexpected;
            log.error("gateway worker stopped: the uncommitted calls are made again at the next start", unexpected);
        } finally {
            running = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static Map<String, List<ConsumerRecord<String, byte[]>>> byOrder(ConsumerRecords<String, byte[]> batch) {
        Map<String, List<ConsumerRecord<String, byte[]>>> byOrder = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            byOrder.computeIfAbsent(String.valueOf(record.key()), key -> new ArrayList<>()).add(record);
        }
        return byOrder;
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        GatewayCall call;
        try {
            call = calls.deserialize(record.topic(), record.value());
        } catch (UnreadableRecordException unreadable) {
            // Only the payments app writes this topic: an unreadable call is its bug, and no call can be made of it.
            log.error("skipping unreadable call at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    unreadable.getMessage());
            return;
        }
        if (recorder.recorded(call.getCallId())) {
            return;
        }
        PaymentProvider provider = providers.get(ProviderName.valueOf(call.getProvider().name()));
        ProviderCalls.Said said = ProviderCalls.callOrRefuse(provider, call);
        int made = callsMade.incrementAndGet();
        if (properties.haltAfterCalls() > 0 && made >= properties.haltAfterCalls()) {
            log.warn("fault injection: halting after call {} ({}), before recording it", made, call.getCallId());
            Runtime.getRuntime().halt(137);
        }
        recorder.record(call, said, clock.instant());
    }
}
