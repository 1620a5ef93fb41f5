package io.cloudphone.ledger.streams.ledger;

import static io.cloudphone.ledger.streams.ledger.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.FutureAccountCommands;
import io.cloudphone.ledger.schemas.account.TransferIn;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import io.cloudphone.ledger.schemas.serde.AvroSerde;
import io.cloudphone.ledger.schemas.serde.ConfluentWireFormat;
import io.cloudphone.ledger.schemas.serde.InMemorySchemaRegistryClient;
import io.cloudphone.ledger.schemas.user.RoleChange;
import io.cloudphone.ledger.schemas.user.RoleEvent;
import io.cloudphone.ledger.streams.ledger.CommandIntake.Outcome;
import io.cloudphone.ledger.streams.ledger.CommandIntake.RejectedRequest;
import io.cloudphone.ledger.streams.ledger.CommandIntake.SetAside;
import io.cloudphone.ledger.streams.ledger.CommandIntake.ToDecide;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every reason a record is set aside instead of decided, one at a time; and that valid commands pass. */
class CommandIntakeTest {

    private static final String OUTBOX = Topics.ACCOUNT_COMMANDS;
    private static final String LEGS = Topics.LEDGER_TRANSFER_LEGS;
    private static final String PAYMENTS = Topics.PAYMENT_LEDGER_COMMANDS;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final Topics topics = new Topics(registry);
    private final AvroSerde<AccountCommand> serde = topics.accountCommandSerde();
    private final CommandIntake intake = new CommandIntake(serde, LedgerTopics.PRODUCTION);

    @Test
    void aValidCommandKeyedByItsAccountIsToBeDecided() {
        AccountCommand recharge = command("r-1", "acc-1", Commands.recharge(100, "CNY"));

        Outcome outcome = read(OUTBOX, "acc-1", recharge);

        assertThat(outcome).isEqualTo(new ToDecide("acc-1", recharge));
    }

    @Test
    void aTransferLegOnTheLegsTopicIsToBeDecided() {
        AccountCommand leg = command("t-1:in", "acc-2", transferIn("t-1", "acc-1", 30, "CNY"));

        assertThat(read(LEGS, "acc-2", leg)).isInstanceOf(ToDecide.class);
    }

    @Test
    void aTombstoneIsSetAsideWithNoDecision() {
        assertSetAsideWithoutDecision(intake.read(OUTBOX, key("acc-1"), null), "TOMBSTONE");
    }

    @Test
    void garbageBytesAreNotWireFormat() {
        byte[] garbage = "{\"amount\": 100}".getBytes(StandardCharsets.UTF_8);

        assertSetAsideWithoutDecision(intake.read(OUTBOX, key("acc-1"), garbage), "NOT_WIRE_FORMAT");
    }

    @Test
    void anAvroBodyWithoutTheMagicByteIsNotWireFormat() {
        byte[] framed = valid();
        byte[] bodyOnly = Arrays.copyOfRange(framed, ConfluentWireFormat.HEADER_LENGTH, framed.length);

        assertSetAsideWithoutDecision(intake.read(OUTBOX, key("acc-1"), bodyOnly), "NOT_WIRE_FORMAT");
    }

    @Test
    void aSchemaIdTheRegistryDoesNotKnowIsSetAside() {
        byte[] framed = valid();
        ByteBuffer.wrap(framed).putInt(1, 424_242);

        assertSetAsideWithoutDecision(intake.read(OUTBOX, key("acc-1"), framed), "UNKNOWN_SCHEMA_ID");
    }

    @Test
    void aRecordOfAnotherSubjectsSchemaIsSetAside() {
        RoleEvent role = RoleEvent.newBuilder().setEventId("e-1").setRoleName("USER").setVersion(1)
                .setChange(RoleChange.CREATED).setPermissions(List.of()).setOccurredAt(Instant.EPOCH).build();
        byte[] framedRole = topics.roleEventSerde().serialize(Topics.ROLE_EVENTS, role);

        assertSetAsideWithoutDecision(intake.read(OUTBOX, key("acc-1"), framedRole), "OTHER_RECORD_TYPE");
    }

    @Test
    void aTruncatedBodyIsCorrupt() {
        byte[] framed = valid();

        assertSetAsideWithoutDecision(intake.read(OUTBOX, key("acc-1"), Arrays.copyOf(framed, framed.length - 4)),
                "CORRUPT_BODY");
    }

    @Test
    void aCommandOfAnUnknownKindIsRejectedUnderItsRequestId() {
        byte[] framed = FutureAccountCommands.freeze(registry, "r-9", "acc-1", Commands.T0);

        RejectedRequest rejected = assertSetAsideWithDecision(intake.read(OUTBOX, key("acc-1"), framed),
                "UNKNOWN_COMMAND", RejectionCode.UNKNOWN_COMMAND);

        assertThat(rejected.requestId()).isEqualTo("r-9");
        assertThat(rejected.operation()).isEqualTo(FutureAccountCommands.KIND);
    }

    @Test
    void aCommandOfAnUnknownKindKeyedByAnotherAccountGetsNoDecision() {
        byte[] framed = FutureAccountCommands.freeze(registry, "r-9", "acc-1", Commands.T0);

        assertSetAsideWithoutDecision(intake.read(OUTBOX, key("acc-2"), framed), "UNKNOWN_COMMAND");
    }

    @Test
    void anEmptyOrBlankRequestIdIsSetAsideWithNoDecision() {
        for (String requestId : new String[] {"", " ", "r 1", "r\u00001", "r".repeat(CommandIntake.ID_LENGTH_MAX + 1)}) {
            Outcome outcome = read(OUTBOX, "acc-1", command(requestId, "acc-1", Commands.recharge(1, "CNY")));

            assertSetAsideWithoutDecision(outcome, "INVALID_REQUEST_ID");
        }
    }

    @Test
    void anEmptyOrMalformedAccountIdIsRejected() {
        for (String accountId : new String[] {"", "a/b", "@holds:acc-1", "a".repeat(65)}) {
            Outcome outcome = read(OUTBOX, accountId, command("r-1", accountId, Commands.recharge(1, "CNY")));

            assertSetAsideWithDecision(outcome, "INVALID_ACCOUNT_ID", RejectionCode.MALFORMED_COMMAND);
        }
    }

    @Test
    void aKeyOtherThanTheAccountIdIsRejected() {
        AccountCommand recharge = command("r-1", "acc-1", Commands.recharge(1, "CNY"));

        RejectedRequest rejected = assertSetAsideWithDecision(read(OUTBOX, "acc-2", recharge), "KEY_MISMATCH",
                RejectionCode.MALFORMED_COMMAND);

        assertThat(rejected.key()).as("filed on the partition it came to").isEqualTo("acc-2");
    }

    @Test
    void aRecordWithoutKeyIsRejected() {
        Outcome outcome = intake.read(OUTBOX, null, serde.serialize(OUTBOX, command("r-1", "acc-1",
                Commands.recharge(1, "CNY"))));

        RejectedRequest rejected = assertSetAsideWithDecision(outcome, "KEY_MISMATCH", RejectionCode.MALFORMED_COMMAND);
        assertThat(rejected.key()).isEqualTo("acc-1");
    }

    @Test
    void aTransferLegOnTheOutboxTopicIsRejected() {
        AccountCommand forged = command("t-1:in", "acc-2", transferIn("t-1", "acc-1", 1_000_000, "CNY"));

        assertSetAsideWithDecision(read(OUTBOX, "acc-2", forged), "WRONG_TOPIC", RejectionCode.MALFORMED_COMMAND);
    }

    @Test
    void thePaymentsAppsCreditUnderItsOwnRequestIdIsToBeDecided() {
        AccountCommand credit = command("pay:order-0001:credit", "acc-1", Commands.recharge(1_000, "CNY"));

        assertThat(read(PAYMENTS, "acc-1", credit)).isInstanceOf(CommandIntake.ToDecide.class);
    }

    @Test
    void aClientsRequestIdOnThePaymentsTopicIsRejected() {
        AccountCommand credit = command("r-1", "acc-1", Commands.recharge(1_000, "CNY"));

        assertSetAsideWithDecision(read(PAYMENTS, "acc-1", credit), "WRONG_TOPIC", RejectionCode.MALFORMED_COMMAND);
    }

    @Test
    void aTransferOnThePaymentsTopicIsRejected() {
        AccountCommand leg = command("pay:order-0001:credit", "acc-2", transferIn("t-1", "acc-1", 1_000, "CNY"));

        assertSetAsideWithDecision(read(PAYMENTS, "acc-2", leg), "WRONG_TOPIC", RejectionCode.MALFORMED_COMMAND);
    }

    @Test
    void aClientCommandOnTheLegsTopicIsRejected() {
        AccountCommand recharge = command("r-1", "acc-1", Commands.recharge(1, "CNY"));

        assertSetAsideWithDecision(read(LEGS, "acc-1", recharge), "WRONG_TOPIC", RejectionCode.MALFORMED_COMMAND);
    }

    @Test
    void anEmptyHoldOrTransferIdIsAMissingField() {
        for (Object body : List.of(Commands.hold("", 10, "CNY", null), Commands.capture(" ", null),
                Commands.release(""), Commands.transfer("", "acc-2", 10, "CNY"))) {
            Outcome outcome = read(OUTBOX, "acc-1", command("r-1", "acc-1", body));

            assertSetAsideWithDecision(outcome, "MISSING_FIELD", RejectionCode.MALFORMED_COMMAND);
        }
    }

    @Test
    void aTransferToAMalformedAccountIsRejected() {
        Outcome outcome = read(OUTBOX, "acc-1", command("r-1", "acc-1", Commands.transfer("t-1", "a/b", 10, "CNY")));

        assertSetAsideWithDecision(outcome, "INVALID_ACCOUNT_ID", RejectionCode.MALFORMED_COMMAND);
    }

    @Test
    void aNonPositiveAmountWhereNoneIsAllowedIsRejected() {
        for (Object body : List.of(Commands.recharge(0, "CNY"), Commands.consume(-5, "CNY"),
                Commands.hold("h-1", 0, "CNY", null), Commands.capture("h-1", 0L), Commands.transfer("t-1", "acc-2", -1, "CNY"),
                Commands.adjust(0, "CNY", "fix"), Commands.adjust(Long.MIN_VALUE, "CNY", "fix"))) {
            Outcome outcome = read(OUTBOX, "acc-1", command("r-1", "acc-1", body));

            assertSetAsideWithDecision(outcome, "INVALID_AMOUNT", RejectionCode.INVALID_AMOUNT);
        }
    }

    @Test
    void aNegativeAdjustmentIsValid() {
        assertThat(read(OUTBOX, "acc-1", command("r-1", "acc-1", Commands.adjust(-5, "CNY", "fix"))))
                .isInstanceOf(ToDecide.class);
    }

    @Test
    void aNegativeOverdraftLimitIsRejected() {
        Outcome outcome = read(OUTBOX, "acc-1", command("r-1", "acc-1", Commands.overdraft(-1)));

        assertSetAsideWithDecision(outcome, "INVALID_LIMIT", RejectionCode.INVALID_LIMIT);
    }

    @Test
    void aCurrencyThatIsNotMoneyIsRejected() {
        for (String currency : new String[] {"XXX", "XAU", "ABC", "cny", ""}) {
            for (Object body : List.of(Commands.open(currency), Commands.recharge(1, currency))) {
                Outcome outcome = read(OUTBOX, "acc-1", command("r-1", "acc-1", body));

                assertSetAsideWithDecision(outcome, "UNKNOWN_CURRENCY", RejectionCode.UNKNOWN_CURRENCY);
            }
        }
    }

    private Outcome read(String topic, String key, AccountCommand command) {
        return intake.read(topic, key(key), serde.serialize(topic, command));
    }

    private byte[] valid() {
        return serde.serialize(OUTBOX, command("r-1", "acc-1", Commands.recharge(100, "CNY")));
    }

    private static byte[] key(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static TransferIn transferIn(String transferId, String from, long amount, String currency) {
        return TransferIn.newBuilder().setTransferId(transferId).setFromAccountId(from).setAmountMinor(amount)
                .setCurrency(currency).build();
    }

    private static void assertSetAsideWithoutDecision(Outcome outcome, String reason) {
        assertThat(outcome).isInstanceOf(SetAside.class);
        SetAside setAside = (SetAside) outcome;
        assertThat(setAside.deadLetter().reason()).isEqualTo(reason);
        assertThat(setAside.deadLetter().detail()).isNotBlank();
        assertThat(setAside.rejection()).isEmpty();
    }

    private static RejectedRequest assertSetAsideWithDecision(Outcome outcome, String reason, RejectionCode code) {
        assertThat(outcome).isInstanceOf(SetAside.class);
        SetAside setAside = (SetAside) outcome;
        assertThat(setAside.deadLetter().reason()).isEqualTo(reason);
        assertThat(setAside.rejection()).get().satisfies(rejected -> {
            assertThat(rejected.code()).isEqualTo(code);
            assertThat(rejected.reason()).isNotBlank();
        });
        return setAside.rejection().orElseThrow();
    }
}
