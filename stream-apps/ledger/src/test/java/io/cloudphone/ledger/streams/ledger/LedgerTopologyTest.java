package io.cloudphone.ledger.streams.ledger;

import static io.cloudphone.ledger.streams.ledger.Commands.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.Consume;
import io.cloudphone.ledger.schemas.account.OpenAccount;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.schemas.account.TransferIn;
import io.cloudphone.ledger.schemas.deadletter.DeadLetterHeaders;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.EntryKind;
import io.cloudphone.ledger.schemas.ledger.Hold;
import io.cloudphone.ledger.schemas.ledger.HoldStatus;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import io.cloudphone.ledger.schemas.serde.InMemorySchemaRegistryClient;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetterCounter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerTopologyTest {

    private final Topics topics = new Topics(new InMemorySchemaRegistryClient());
    private final Map<String, Integer> deadLettersCounted = new HashMap<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, AccountCommand> commands;
    private TestInputTopic<byte[], byte[]> rawCommands;
    private TestInputTopic<byte[], byte[]> rawLegs;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private TestOutputTopic<String, LedgerDecision> decisions;
    private TestOutputTopic<String, LedgerEntry> entries;
    private TestOutputTopic<String, AccountBalance> balances;
    private int nextRequest;

    @BeforeEach
    void startDriver() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        DeadLetterCounter counter = (topic, reason) -> deadLettersCounted.merge(topic + " " + reason, 1, Integer::sum);
        driver = new TopologyTestDriver(LedgerTopology.build(topics, LedgerTopics.PRODUCTION, HoldExpiry.PRODUCTION,
                counter), settings, T0);
        commands = driver.createInputTopic(Topics.ACCOUNT_COMMANDS, Serdes.String().serializer(),
                topics.accountCommandSerde().serializer());
        rawCommands = driver.createInputTopic(Topics.ACCOUNT_COMMANDS, new ByteArraySerializer(), new ByteArraySerializer());
        rawLegs = driver.createInputTopic(Topics.LEDGER_TRANSFER_LEGS, new ByteArraySerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(Topics.LEDGER_DEAD_LETTERS, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        decisions = driver.createOutputTopic(Topics.LEDGER_DECISIONS, Serdes.String().deserializer(),
                topics.decisionSerde().deserializer());
        entries = driver.createOutputTopic(Topics.LEDGER_ENTRIES, Serdes.String().deserializer(),
                topics.entrySerde().deserializer());
        balances = driver.createOutputTopic(Topics.LEDGER_BALANCES, Serdes.String().deserializer(),
                topics.balanceSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void acceptsRechargeAndCreditsTheBalance() {
        send(open("acc-1", "CNY"));

        LedgerDecision decision = send(recharge("acc-1", 1_000, "CNY"));

        assertThat(decision.getOutcome()).isEqualTo(DecisionOutcome.ACCEPTED);
        assertThat(decision.getBalanceAfter()).isEqualTo(1_000);
        assertThat(decision.getVersionAfter()).isEqualTo(2);
        LedgerEntry entry = entries.readValue();
        assertThat(entry.getKind()).isEqualTo(EntryKind.RECHARGE);
        assertThat(entry.getAmountMinor()).isEqualTo(1_000);
        assertThat(entry.getVersionBefore()).isEqualTo(1);
        assertThat(entry.getVersionAfter()).isEqualTo(2);
        assertThat(entry.getBalanceAfter()).isEqualTo(1_000);
        assertThat(balanceStore().get("acc-1").getBalance()).isEqualTo(1_000);
    }

    @Test
    void rejectsConsumptionOnInsufficientFundsAndChangesNothing() {
        send(open("acc-1", "CNY"));
        send(recharge("acc-1", 500, "CNY"));
        entries.readValuesToList();
        balances.readValuesToList();

        LedgerDecision decision = send(consume("acc-1", 501, "CNY"));

        assertThat(decision.getOutcome()).isEqualTo(DecisionOutcome.REJECTED);
        assertThat(decision.getRejectionCode()).isEqualTo(RejectionCode.INSUFFICIENT_FUNDS);
        assertThat(decision.getReason()).contains("500").contains("501");
        assertThat(decision.getBalanceAfter()).isEqualTo(500);
        assertThat(entries.isEmpty()).isTrue();
        assertThat(balances.isEmpty()).isTrue();
        assertThat(balanceStore().get("acc-1").getVersion()).isEqualTo(2);
    }

    @Test
    void acceptsConsumptionOfTheWholeAvailableBalance() {
        send(open("acc-1", "CNY"));
        send(recharge("acc-1", 500, "CNY"));

        LedgerDecision decision = send(consume("acc-1", 500, "CNY"));

        assertThat(decision.getOutcome()).isEqualTo(DecisionOutcome.ACCEPTED);
        assertThat(decision.getAvailableAfter()).isZero();
    }

    @Test
    void duplicateRequestIdChangesNothing() {
        send(open("acc-1", "CNY"));
        AccountCommand recharge = recharge("acc-1", 700, "CNY");
        send(recharge);
        entries.readValuesToList();
        balances.readValuesToList();

        commands.pipeInput("acc-1", recharge);

        assertThat(decisions.isEmpty()).isTrue();
        assertThat(entries.isEmpty()).isTrue();
        assertThat(balances.isEmpty()).isTrue();
        assertThat(balanceStore().get("acc-1").getBalance()).isEqualTo(700);
        assertThat(balanceStore().get("acc-1").getVersion()).isEqualTo(2);
    }

    @Test
    void decidesInOrderPerAccount() {
        send(open("acc-1", "CNY"));
        send(open("acc-2", "CNY"));
        List<AccountCommand> interleaved = List.of(
                recharge("acc-1", 100, "CNY"), recharge("acc-2", 50, "CNY"),
                consume("acc-1", 60, "CNY"), consume("acc-2", 60, "CNY"),
                consume("acc-1", 60, "CNY"), recharge("acc-2", 10, "CNY"), consume("acc-2", 60, "CNY"));
        interleaved.forEach(command -> commands.pipeInput(command.getAccountId(), command));

        List<String> outcomes = decisions.readValuesToList().stream()
                .map(d -> d.getAccountId() + ":" + d.getOutcome() + ":" + d.getBalanceAfter() + ":v" + d.getVersionAfter())
                .toList();

        assertThat(outcomes).containsExactly(
                "acc-1:ACCEPTED:100:v2", "acc-2:ACCEPTED:50:v2",
                "acc-1:ACCEPTED:40:v3", "acc-2:REJECTED:50:v2",
                "acc-1:REJECTED:40:v3", "acc-2:ACCEPTED:60:v3", "acc-2:ACCEPTED:0:v4");
    }

    @Test
    void rejectsCommandsForAnAccountThatIsNotOpen() {
        LedgerDecision decision = send(recharge("acc-404", 100, "CNY"));

        assertThat(decision.getOutcome()).isEqualTo(DecisionOutcome.REJECTED);
        assertThat(decision.getRejectionCode()).isEqualTo(RejectionCode.ACCOUNT_NOT_OPEN);
        assertThat(balanceStore().get("acc-404")).isNull();
    }

    @Test
    void storesEveryDecisionByRequestId() {
        AccountCommand open = open("acc-1", "CNY");
        send(open);

        KeyValueStore<String, LedgerDecision> store = driver.getKeyValueStore(LedgerStores.DECISIONS);

        assertThat(store.get(open.getRequestId()).getOutcome()).isEqualTo(DecisionOutcome.ACCEPTED);
    }

    @Test
    void aTombstoneIsSetAsideAndDecidesNothing() {
        commands.pipeInput("acc-1", null);

        assertThat(decisions.isEmpty()).isTrue();
        assertThat(DeadLetterHeaders.text(deadLetters.readRecord().headers(), DeadLetterHeaders.REASON))
                .isEqualTo("TOMBSTONE");
    }

    @Test
    void emitsDecisionsEntriesAndBalancesKeyedByAccount() {
        send(open("acc-9", "CNY"));
        send(recharge("acc-9", 5, "CNY"));

        assertThat(entries.readKeyValue().key).isEqualTo("acc-9");
        assertThat(balances.readKeyValuesToList()).extracting(kv -> kv.key).containsOnly("acc-9");
    }

    @Test
    void transferMovesMoneyToAnAccountOfAnotherPartitionThroughTheLegsTopic() {
        send(open("acc-1", "CNY"));
        send(open("acc-2", "CNY"));
        send(recharge("acc-1", 100, "CNY"));

        commands.pipeInput("acc-1", command("acc-1", Commands.transfer("t-1", "acc-2", 30, "CNY")));

        assertThat(decisions.readValuesToList()).extracting(LedgerDecision::getRequestId, LedgerDecision::getOutcome)
                .containsExactly(tuple(lastRequestId(), DecisionOutcome.ACCEPTED),
                        tuple("t-1:in", DecisionOutcome.ACCEPTED));
        assertThat(balanceStore().get("acc-1").getBalance()).isEqualTo(70);
        assertThat(balanceStore().get("acc-2").getBalance()).isEqualTo(30);
    }

    @Test
    void anUntouchedHoldIsReleasedByTheSweeperOnceItsGracePeriodHasPassed() {
        send(open("acc-1", "CNY"));
        send(recharge("acc-1", 100, "CNY"));
        send(command("acc-1", Commands.hold("h-1", 60, "CNY", T0.plusSeconds(30))));
        entries.readValuesToList();

        driver.advanceWallClockTime(Duration.ofSeconds(30).plus(HoldExpiry.PRODUCTION.grace()).minusSeconds(2));
        assertThat(decisions.isEmpty()).as("expired, but within the grace period").isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(3));

        LedgerDecision expiry = decisions.readValue();
        assertThat(expiry.getRequestId()).isEqualTo("hold-expiry:h-1");
        assertThat(expiry.getOperation()).isEqualTo("HoldExpired");
        assertThat(entries.readValue().getKind()).isEqualTo(EntryKind.HOLD_EXPIRY);
        assertThat(balanceStore().get("acc-1").getAvailable()).isEqualTo(100);
        driver.advanceWallClockTime(Duration.ofSeconds(31));
        assertThat(decisions.isEmpty()).isTrue();
    }

    @Test
    void aCaptureMadeBeforeTheExpiryIsAcceptedWhetherTheClockIsBeforeOrAfterIt() {
        for (Duration wallClockPastExpiry : List.of(Duration.ofSeconds(-20), Duration.ofSeconds(5))) {
            String holdId = placeHoldExpiringAt(T0.plusSeconds(30));
            driver.advanceWallClockTime(Duration.ofSeconds(30).plus(wallClockPastExpiry));

            LedgerDecision capture = send(commandAt(T0.plusSeconds(30).minusMillis(1), "acc-1",
                    Commands.capture(holdId, null)), T0.plusSeconds(30).plus(wallClockPastExpiry));

            assertThat(capture.getOutcome()).as("clock %s past the expiry", wallClockPastExpiry)
                    .isEqualTo(DecisionOutcome.ACCEPTED);
            assertThat(holdStore().get(holdId).getStatus()).isEqualTo(HoldStatus.CAPTURED);
            closeDriver();
            startDriver();
        }
    }

    @Test
    void aCaptureMadeAtOrAfterTheExpiryIsRejectedWhetherTheClockIsBeforeOrAfterIt() {
        for (Duration wallClockPastExpiry : List.of(Duration.ofSeconds(-20), Duration.ofSeconds(5))) {
            String holdId = placeHoldExpiringAt(T0.plusSeconds(30));
            driver.advanceWallClockTime(Duration.ofSeconds(30).plus(wallClockPastExpiry));
            AccountCommand capture = commandAt(T0.plusSeconds(30), "acc-1", Commands.capture(holdId, null));

            commands.pipeInput("acc-1", capture, T0.plusSeconds(30).plus(wallClockPastExpiry));

            assertThat(decisions.readValuesToList()).as("clock %s past the expiry", wallClockPastExpiry)
                    .extracting(LedgerDecision::getRequestId, LedgerDecision::getOutcome, LedgerDecision::getRejectionCode)
                    .containsExactly(tuple("hold-expiry:" + holdId, DecisionOutcome.ACCEPTED, null),
                            tuple(capture.getRequestId(), DecisionOutcome.REJECTED, RejectionCode.HOLD_EXPIRED));
            assertThat(holdStore().get(holdId).getStatus()).isEqualTo(HoldStatus.EXPIRED);
            assertThat(balanceStore().get("acc-1").getAvailable()).as("nothing spent").isEqualTo(100);
            closeDriver();
            startDriver();
        }
    }

    @Test
    void aReleaseMadeAfterTheExpiryIsRejectedAndTheHoldShowsExpired() {
        String holdId = placeHoldExpiringAt(T0.plusSeconds(30));

        LedgerDecision release = send2(commandAt(T0.plusSeconds(31), "acc-1", Commands.release(holdId)));

        assertThat(release.getRejectionCode()).isEqualTo(RejectionCode.HOLD_EXPIRED);
        assertThat(holdStore().get(holdId).getStatus()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(holdStore().get(holdId).getClosedBy()).isEqualTo("hold-expiry:" + holdId);
    }

    @Test
    void aCommandKeyedByAnotherAccountIsRejectedSetAsideAndAppliesNothing() {
        send(open("acc-1", "CNY"));
        send(open("acc-2", "CNY"));

        commands.pipeInput("acc-2", recharge("acc-1", 100, "CNY"));

        LedgerDecision decision = decisions.readValue();
        assertThat(decision.getRejectionCode()).isEqualTo(RejectionCode.MALFORMED_COMMAND);
        assertThat(DeadLetterHeaders.text(deadLetters.readRecord().headers(), DeadLetterHeaders.REASON))
                .isEqualTo("KEY_MISMATCH");
        assertThat(balanceStore().get("acc-1").getBalance()).isZero();
        assertThat(balanceStore().get("acc-2").getBalance()).isZero();
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithWhyWhereAndWhenAndTheNextCommandIsDecided() {
        send(open("acc-1", "CNY"));
        byte[] garbage = {42, 1, 2, 3, 4, 5, 6};
        Headers original = new RecordHeaders().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));

        rawCommands.pipeInput(new TestRecord<>("acc-1".getBytes(StandardCharsets.UTF_8), garbage, original, T0));
        LedgerDecision next = send(recharge("acc-1", 10, "CNY"));

        assertThat(next.getOutcome()).isEqualTo(DecisionOutcome.ACCEPTED);
        TestRecord<byte[], byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(deadLetter.key()).isEqualTo("acc-1".getBytes(StandardCharsets.UTF_8));
        assertThat(deadLetter.timestamp()).isEqualTo(T0.toEpochMilli());
        Headers headers = deadLetter.headers();
        assertThat(DeadLetterHeaders.text(headers, "trace")).as("original headers kept").isEqualTo("t-1");
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.REASON)).isEqualTo("NOT_WIRE_FORMAT");
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.DETAIL)).contains("magic byte");
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.ACCOUNT_COMMANDS);
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.OFFSET)).isEqualTo("1");
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.TIMESTAMP)).isEqualTo(T0.toString());
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.DEAD_LETTERED_AT)).isNotBlank();
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.APPLICATION)).isEqualTo("ledger-test");
        assertThat(deadLettersCounted).containsExactly(Map.entry(Topics.ACCOUNT_COMMANDS + " NOT_WIRE_FORMAT", 1));
    }

    @Test
    void garbageOnTheLegsTopicIsSetAsideToo() {
        rawLegs.pipeInput("acc-1".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0});

        assertThat(DeadLetterHeaders.text(deadLetters.readRecord().headers(), DeadLetterHeaders.TOPIC))
                .isEqualTo(Topics.LEDGER_TRANSFER_LEGS);
        assertThat(decisions.isEmpty()).isTrue();
    }

    @Test
    void anInvalidCommandWithAUsableRequestIdIsRejectedAndSetAsideAndChangesNothing() {
        send(open("acc-1", "CNY"));
        send(recharge("acc-1", 100, "CNY"));
        entries.readValuesToList();
        balances.readValuesToList();

        LedgerDecision decision = send(recharge("acc-1", 50, "XXX"));

        assertThat(decision.getOutcome()).isEqualTo(DecisionOutcome.REJECTED);
        assertThat(decision.getRejectionCode()).isEqualTo(RejectionCode.UNKNOWN_CURRENCY);
        assertThat(decision.getBalanceAfter()).as("the account as it stands").isEqualTo(100);
        assertThat(driver.<String, LedgerDecision>getKeyValueStore(LedgerStores.DECISIONS).get(decision.getRequestId()))
                .as("filed, so the request's status shows it").isEqualTo(decision);
        assertThat(DeadLetterHeaders.text(deadLetters.readRecord().headers(), DeadLetterHeaders.REASON))
                .isEqualTo("UNKNOWN_CURRENCY");
        assertThat(entries.isEmpty()).isTrue();
        assertThat(balances.isEmpty()).isTrue();
    }

    @Test
    void anInvalidRecordNeverOverwritesADecisionAlreadyMade() {
        send(open("acc-1", "CNY"));
        AccountCommand accepted = recharge("acc-1", 100, "CNY");
        send(accepted);
        AccountCommand sameRequestInvalid = AccountCommand.newBuilder(accepted)
                .setCommand(Commands.recharge(-1, "CNY")).build();

        commands.pipeInput("acc-1", sameRequestInvalid);

        assertThat(decisions.isEmpty()).isTrue();
        assertThat(deadLetters.readRecord()).isNotNull();
        assertThat(driver.<String, LedgerDecision>getKeyValueStore(LedgerStores.DECISIONS).get(accepted.getRequestId())
                .getOutcome()).isEqualTo(DecisionOutcome.ACCEPTED);
        assertThat(balanceStore().get("acc-1").getBalance()).isEqualTo(100);
    }

    @Test
    void aTransferLegForgedOnTheOutboxTopicCreditsNothing() {
        send(open("acc-1", "CNY"));
        AccountCommand forged = command("acc-1", TransferIn.newBuilder().setTransferId("t-9").setFromAccountId("acc-2")
                .setAmountMinor(1_000_000).setCurrency("CNY").build());

        LedgerDecision decision = send(forged);

        assertThat(decision.getRejectionCode()).isEqualTo(RejectionCode.MALFORMED_COMMAND);
        assertThat(balanceStore().get("acc-1").getBalance()).isZero();
        assertThat(DeadLetterHeaders.text(deadLetters.readRecord().headers(), DeadLetterHeaders.REASON))
                .isEqualTo("WRONG_TOPIC");
    }

    @Test
    void aBugInTheDecisionStopsTheLedgerInsteadOfSkippingTheCommand() {
        send(open("acc-1", "CNY"));
        // A state no decision can produce (available is not balance - held): the posting's invariants refuse it.
        AccountBalance broken = AccountBalance.newBuilder(balanceStore().get("acc-1")).setAvailable(7).build();
        balanceStore().put("acc-1", broken);

        assertThatThrownBy(() -> commands.pipeInput("acc-1", recharge("acc-1", 10, "CNY")))
                .isInstanceOf(StreamsException.class);
        assertThat(decisions.isEmpty()).as("no decision for the failed command").isTrue();
        assertThat(deadLetters.isEmpty()).as("a bug is not bad input").isTrue();
    }

    private LedgerDecision send(AccountCommand command) {
        return send(command, command.getOccurredAt());
    }

    private LedgerDecision send(AccountCommand command, Instant recordTime) {
        commands.pipeInput(command.getAccountId(), command, recordTime);
        List<LedgerDecision> emitted = decisions.readValuesToList();
        assertThat(emitted).hasSize(1);
        return emitted.get(0);
    }

    /** A command that finds its hold expired: the expiry's decision first, then the command's, which is returned. */
    private LedgerDecision send2(AccountCommand command) {
        commands.pipeInput(command.getAccountId(), command, command.getOccurredAt());
        List<LedgerDecision> emitted = decisions.readValuesToList();
        assertThat(emitted).hasSize(2);
        assertThat(emitted.get(0).getOperation()).isEqualTo("HoldExpired");
        return emitted.get(1);
    }

    /** On a funded acc-1 (100 CNY): a hold of 60 expiring at the given time; returns its id. */
    private String placeHoldExpiringAt(Instant expiresAt) {
        send(open("acc-1", "CNY"));
        send(recharge("acc-1", 100, "CNY"));
        send(command("acc-1", Commands.hold("h-1", 60, "CNY", expiresAt)));
        return "h-1";
    }

    private KeyValueStore<String, Hold> holdStore() {
        return driver.getKeyValueStore(LedgerStores.HOLDS);
    }

    private KeyValueStore<String, AccountBalance> balanceStore() {
        return driver.getKeyValueStore(LedgerStores.BALANCES);
    }

    private AccountCommand open(String accountId, String currency) {
        return command(accountId, OpenAccount.newBuilder().setCurrency(currency).build());
    }

    private AccountCommand recharge(String accountId, long amount, String currency) {
        return command(accountId, Recharge.newBuilder().setAmountMinor(amount).setCurrency(currency).build());
    }

    private AccountCommand consume(String accountId, long amount, String currency) {
        return command(accountId, Consume.newBuilder().setAmountMinor(amount).setCurrency(currency).build());
    }

    private String lastRequestId() {
        return "req-" + nextRequest;
    }

    private AccountCommand command(String accountId, Object body) {
        return commandAt(T0, accountId, body);
    }

    private AccountCommand commandAt(Instant occurredAt, String accountId, Object body) {
        return AccountCommand.newBuilder()
                .setRequestId("req-" + (++nextRequest))
                .setAccountId(accountId)
                .setOccurredAt(occurredAt)
                .setCommand(body)
                .build();
    }
}
