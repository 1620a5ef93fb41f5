package io.cloudphone.ledger.bench;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.Consume;
import io.cloudphone.ledger.schemas.account.OpenAccount;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.schemas.serde.AvroSerde;
import io.cloudphone.ledger.streams.ledger.HoldExpiry;
import io.cloudphone.ledger.streams.ledger.LedgerTopics;
import io.cloudphone.ledger.streams.ledger.LedgerTopology;
import io.cloudphone.ledger.streams.runtime.StreamsSettings;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetterCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.util.FileSystemUtils;

/**
 * The ledger topology alone, as the app runs it, over a topic filled beforehand: decisions per second with
 * exactly_once_v2 and with at_least_once, measured by the consumer group's committed progress (which, under
 * exactly-once, is exactly what has been decided and published).
 */
final class LedgerAloneBench {

    record Result(String guarantee, long records, double seconds, double perSecond, Map<String, Double> cpuSeconds) {
    }

    static final int PARTITIONS = 6;
    static final String OVERRIDE_PREFIX = "cpl.bench.streams.";
    private static final Duration PROGRESS_POLL = Duration.ofMillis(250);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    private final String bootstrap;
    private final Topics topics;
    private final String commandsTopic;

    LedgerAloneBench(String bootstrap, Topics topics) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.commandsTopic = "bench.ledger.commands." + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Opens {@code accounts} accounts, then recharges (2 in 3) and consumes (1 in 3) on random ones. */
    long prefill(int accounts, long commands) throws ExecutionException, InterruptedException {
        createTopics(List.of(commandsTopic));
        AvroSerde<AccountCommand> serde = topics.accountCommandSerde();
        Random random = new Random(42);
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < commands; i++) {
                String account = "acc-" + (i < accounts ? i : random.nextInt(accounts));
                Object body = i < accounts ? OpenAccount.newBuilder().setCurrency("CNY").build()
                        : random.nextInt(3) < 2 ? Recharge.newBuilder().setAmountMinor(10).setCurrency("CNY").build()
                        : Consume.newBuilder().setAmountMinor(5).setCurrency("CNY").build();
                AccountCommand command = AccountCommand.newBuilder().setRequestId("bench-" + i).setAccountId(account)
                        .setOccurredAt(Instant.now()).setCommand(body).build();
                producer.send(new ProducerRecord<>(commandsTopic, account, serde.serialize(commandsTopic, command)));
            }
            producer.flush();
        }
        return commands;
    }

    Result run(String guarantee, CpuSampler cpu) throws Exception {
        String run = guarantee.replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        LedgerTopics names = new LedgerTopics(commandsTopic, "bench.ledger." + run + ".service-commands",
                "bench.ledger." + run + ".transfer-legs",
                "bench.ledger." + run + ".decisions", "bench.ledger." + run + ".entries", "bench.ledger." + run + ".balances",
                "bench.ledger." + run + ".dead-letters");
        createTopics(names.outputs());
        createTopics(List.of(names.serviceCommands())); // read, and empty: the benchmark sends only client commands
        Path stateDir = Files.createTempDirectory("bench-ledger");
        String applicationId = "bench-ledger-" + run;
        Properties settings = StreamsSettings.processing(applicationId, bootstrap, guarantee, 100,
                stateDir.toString());
        settings.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        // Tuning experiments: -Dcpl.bench.streams.<any Kafka Streams setting>=value overrides the app's own.
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(OVERRIDE_PREFIX))
                .forEach(name -> settings.put(name.substring(OVERRIDE_PREFIX.length()), System.getProperty(name)));
        try (Admin admin = admin(); KafkaStreams streams = new KafkaStreams(
                LedgerTopology.build(topics, names, HoldExpiry.PRODUCTION, DeadLetterCounter.NONE), settings)) {
            long total = endOffsets(admin).values().stream().mapToLong(Long::longValue).sum();
            cpu.begin();
            streams.start();
            return measure(admin, applicationId, guarantee, total, cpu);
        } finally {
            FileSystemUtils.deleteRecursively(stateDir.toFile());
        }
    }

    /** From the first committed progress to all committed: the steady rate, without start-up and rebalance. */
    private Result measure(Admin admin, String applicationId, String guarantee, long total, CpuSampler cpu)
            throws Exception {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        long firstNanos = 0;
        long firstCommitted = 0;
        while (System.nanoTime() < deadline) {
            long committed = committed(admin, applicationId);
            if (firstNanos == 0 && committed > 0) {
                firstNanos = System.nanoTime();
                firstCommitted = committed;
            }
            if (committed >= total) {
                double seconds = (System.nanoTime() - firstNanos) / 1e9;
                return new Result(guarantee, total, seconds, (total - firstCommitted) / seconds, cpu.end());
            }
            TimeUnit.MILLISECONDS.sleep(PROGRESS_POLL.toMillis());
        }
        throw new IllegalStateException(guarantee + ": the ledger did not get through " + total + " records in " + RUN_TIMEOUT);
    }

    private long committed(Admin admin, String groupId) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(commandsTopic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            request.put(new TopicPartition(commandsTopic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all().get();
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private void createTopics(Collection<String> names) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            admin.createTopics(names.stream().map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList()).all().get();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

}
