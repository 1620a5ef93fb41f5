package io.cloudphone.ledger.streams.ledger;

import static io.cloudphone.ledger.streams.ledger.Commands.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.Consume;
import io.cloudphone.ledger.schemas.account.OpenAccount;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.EntryKind;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import io.cloudphone.ledger.schemas.serde.InMemorySchemaRegistryClient;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerTopologyTest {


    private final Topics topics = new Topics(new InMemorySchemaRegistryClient());
    private TopologyTestDriver driver;
    private TestInputTopic<String, AccountCommand> commands;
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
        driver = new TopologyTestDriver(LedgerTopology.build(topics), settings, T0);
        commands = driver.createInputTopic(Topics.ACCOUNT_COMMANDS, Serdes.String().serializer(),
                topics.accountCommandSerde().serializer());
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
    void canSkipTombstone() {
        commands.pipeInput("acc-1", null);

        assertThat(decisions.isEmpty()).isTrue();
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
    void anOpenHoldExpiresByWallClockAndTheReleaseIsAnEvent() {
        send(open("acc-1", "CNY"));
        send(recharge("acc-1", 100, "CNY"));
        send(command("acc-1", Commands.hold("h-1", 60, "CNY", T0.plusSeconds(30))));
        entries.readValuesToList();

        driver.advanceWallClockTime(java.time.Duration.ofSeconds(31));

        LedgerDecision expiry = decisions.readValue();
        assertThat(expiry.getRequestId()).isEqualTo("hold-expiry:h-1");
        assertThat(expiry.getOperation()).isEqualTo("HoldExpired");
        assertThat(entries.readValue().getKind()).isEqualTo(EntryKind.HOLD_EXPIRY);
        assertThat(balanceStore().get("acc-1").getAvailable()).isEqualTo(100);
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(31));
        assertThat(decisions.isEmpty()).isTrue();
    }

    @Test
    void aCommandKeyedByAnotherAccountIsRejectedAndAppliesNothing() {
        send(open("acc-1", "CNY"));
        send(open("acc-2", "CNY"));

        commands.pipeInput("acc-2", recharge("acc-1", 100, "CNY"));

        LedgerDecision decision = decisions.readValue();
        assertThat(decision.getRejectionCode()).isEqualTo(RejectionCode.MALFORMED_COMMAND);
        assertThat(balanceStore().get("acc-1").getBalance()).isZero();
        assertThat(balanceStore().get("acc-2").getBalance()).isZero();
    }

    private LedgerDecision send(AccountCommand command) {
        commands.pipeInput(command.getAccountId(), command);
        List<LedgerDecision> emitted = decisions.readValuesToList();
        assertThat(emitted).hasSize(1);
        return emitted.get(0);
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
        return AccountCommand.newBuilder()
                .setRequestId("req-" + (++nextRequest))
                .setAccountId(accountId)
                .setOccurredAt(T0)
                .setCommand(body)
                .build();
    }
}
