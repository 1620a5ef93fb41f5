package io.cloudphone.ledger.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.CommittedRecords;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.LedgerAudit;
import io.cloudphone.ledger.system.LoadGenerator;
import io.cloudphone.ledger.system.LocalStack;
import io.cloudphone.ledger.system.RunningSystem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debezium delivers at least once, and with Connect's exactly-once support a crash rarely shows a duplicate at
 * all; so here duplicates are made, not hoped for: every outbox record of a run is produced to
 * {@code cpl.outbox.account} a second time, byte for byte with its headers, on its own partition. The ledger must
 * drop every one: the reference model, fed the clients' record, still agrees with every decision and entry.
 */
@ExtendWith(RunningSystem.class)
class LedgerDecidesRedeliveredCommandsOnceIT {

    private static final Logger log = LoggerFactory.getLogger(LedgerDecidesRedeliveredCommandsOnceIT.class);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);

    @Test
    void everyOutboxRecordDeliveredAgainDecidesNothingTwice(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        LoadGenerator load = LoadGenerator.start(user.api(), 6, 5_000, 2, System.nanoTime());
        try (load) {
            load.runFor(Duration.ofSeconds(3));
        }
        new LedgerAudit(load.record()).awaitAgreement(SETTLE_TIMEOUT);
        Set<String> accounts = Set.copyOf(load.accounts());
        List<ConsumerRecord<byte[], byte[]>> delivered = CommittedRecords.readToEnd(Topics.ACCOUNT_COMMANDS,
                record -> accounts.contains(key(record)));
        assertThat((long) delivered.size()).as("outbox records of the run").isGreaterThanOrEqualTo(load.accepted());

        redeliver(delivered);
        load.rechargeEachAccountAndAwait(1);

        List<ConsumerRecord<byte[], byte[]>> onTheTopic = CommittedRecords.readToEnd(Topics.ACCOUNT_COMMANDS,
                record -> accounts.contains(key(record)));
        assertThat(onTheTopic).as("the run's records, each twice, and one more recharge per account")
                .hasSize(2 * delivered.size() + accounts.size());
        LedgerAudit audit = new LedgerAudit(load.record()).awaitAgreement(SETTLE_TIMEOUT).assertBalancesAsModelled(user.api());
        log.info("redelivered {} outbox records; {} decisions judged, none twice", delivered.size(),
                audit.verdict().decisionsJudged());
    }

    /** Byte for byte, headers included, to the partition each came from: what a replaying connector would send. */
    private static void redeliver(List<ConsumerRecord<byte[], byte[]>> records) {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(),
                        record.headers()));
            }
            producer.flush();
        }
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }
}
