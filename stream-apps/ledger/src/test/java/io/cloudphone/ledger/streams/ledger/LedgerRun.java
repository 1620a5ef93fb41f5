package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.Hold;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.schemas.serde.InMemorySchemaRegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.springframework.util.FileSystemUtils;

/**
 * Runs a sequence of steps (commands and wall-clock advances) through the real ledger topology on a
 * TopologyTestDriver and keeps everything it emitted and stored: what property tests compare and check. Runs use
 * in-memory stores ({@link LedgerTopology#buildInMemory}, six times faster); {@link #runOnRocksDb} runs the
 * production stores, to show that both decide alike.
 */
final class LedgerRun {

    /** One step of a run: deliver a command, or let wall-clock time pass (hold expiries fire). */
    sealed interface Step permits Deliver, Wait {
    }

    record Deliver(AccountCommand command) implements Step {
    }

    record Wait(Duration duration) implements Step {
    }

    record Outputs(List<LedgerDecision> decisions, List<LedgerEntry> entries, List<AccountBalance> balances,
                   Map<String, AccountBalance> finalBalances, Map<String, Hold> finalHolds) {
    }

    private LedgerRun() {
    }

    static Outputs run(List<Step> steps) {
        return run(steps, LedgerTopology::buildInMemory);
    }

    static Outputs runOnRocksDb(List<Step> steps) {
        return run(steps, LedgerTopology::build);
    }

    private static Outputs run(List<Step> steps, Function<Topics, Topology> topology) {
        Topics topics = new Topics(new InMemorySchemaRegistryClient());
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-run");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        Path stateDir = temporaryStateDir();
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(topology.apply(topics), settings, Commands.T0)) {
            TestInputTopic<String, AccountCommand> commands = driver.createInputTopic(Topics.ACCOUNT_COMMANDS,
                    Serdes.String().serializer(), topics.accountCommandSerde().serializer());
            Instant now = Commands.T0;
            for (Step step : steps) {
                switch (step) {
                    case Deliver deliver -> commands.pipeInput(deliver.command().getAccountId(), deliver.command(), now);
                    case Wait wait -> {
                        now = now.plus(wait.duration());
                        driver.advanceWallClockTime(wait.duration());
                    }
                }
            }
            return new Outputs(
                    driver.createOutputTopic(Topics.LEDGER_DECISIONS, Serdes.String().deserializer(),
                            topics.decisionSerde().deserializer()).readValuesToList(),
                    driver.createOutputTopic(Topics.LEDGER_ENTRIES, Serdes.String().deserializer(),
                            topics.entrySerde().deserializer()).readValuesToList(),
                    driver.createOutputTopic(Topics.LEDGER_BALANCES, Serdes.String().deserializer(),
                            topics.balanceSerde().deserializer()).readValuesToList(),
                    snapshot(driver.getKeyValueStore(LedgerStores.BALANCES)),
                    snapshot(driver.getKeyValueStore(LedgerStores.HOLDS)));
        } finally {
            FileSystemUtils.deleteRecursively(stateDir.toFile());
        }
    }

    /** A state dir per run: runs follow each other quickly, and a shared one would still be locked. */
    private static Path temporaryStateDir() {
        try {
            return Files.createTempDirectory("ledger-run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <V> Map<String, V> snapshot(KeyValueStore<String, V> store) {
        Map<String, V> copy = new TreeMap<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> next = all.next();
                copy.put(next.key, next.value);
            }
        }
        return copy;
    }
}
