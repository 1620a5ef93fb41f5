package io.cloudphone.ledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.FutureAccountCommands;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.schemas.serde.UnreadableRecordException.Flaw;
import io.cloudphone.ledger.schemas.user.RoleEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private static final String TOPIC = "cpl.outbox.account";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroSerde<AccountCommand> serde = AvroSerde.forValues(registry, AccountCommand.getClassSchema());

    @Test
    void writesMagicByteThenBigEndianSchemaIdThenAvroBody() {
        byte[] framed = serde.serialize(TOPIC, recharge());

        int registeredId = registry.idOf("cpl.outbox.account-value", AccountCommand.getClassSchema());
        assertThat(framed[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(framed, 1, 4).getInt()).isEqualTo(registeredId);
        assertThat(framed.length).isGreaterThan(ConfluentWireFormat.HEADER_LENGTH);
    }

    @Test
    void canReadWhatItWrote() {
        AccountCommand original = recharge();

        assertThat(serde.deserialize(TOPIC, serde.serialize(TOPIC, original))).isEqualTo(original);
    }

    @Test
    void registersUnderTopicNameStrategySubject() {
        serde.serialize(TOPIC, recharge());

        assertThat(registry.idOf(TOPIC + "-value", AccountCommand.getClassSchema())).isPositive();
    }

    @Test
    void failsOnWrongMagicByteAsNotWireFormat() {
        byte[] framed = serde.serialize(TOPIC, recharge());
        framed[0] = 1;

        assertThatThrownBy(() -> serde.deserialize(TOPIC, framed))
                .hasMessageContaining("magic byte")
                .asInstanceOf(type(UnreadableRecordException.class))
                .extracting(UnreadableRecordException::flaw).isEqualTo(Flaw.NOT_WIRE_FORMAT);
    }

    @Test
    void failsOnMessageShorterThanTheHeaderAsNotWireFormat() {
        assertThat(flawOf(new byte[] {0, 0, 0})).isEqualTo(Flaw.NOT_WIRE_FORMAT);
    }

    /**
     * The serde's side of the registry contract: a client that answers {@link SchemaNotFoundException} makes the
     * record unreadable as UNKNOWN_SCHEMA_ID. That the real registry's client answers so is RegistryCompatibilityIT's.
     */
    @Test
    void failsOnSchemaIdTheRegistryDoesNotKnow() {
        byte[] framed = serde.serialize(TOPIC, recharge());
        ByteBuffer.wrap(framed).putInt(1, 9_999);

        assertThatThrownBy(() -> serde.deserialize(TOPIC, framed)).hasMessageContaining("9999")
                .asInstanceOf(type(UnreadableRecordException.class))
                .extracting(UnreadableRecordException::flaw).isEqualTo(Flaw.UNKNOWN_SCHEMA_ID);
    }

    @Test
    void failsOnRecordWrittenWithTheSchemaOfAnotherType() {
        AvroSerde<RoleEvent> roles = AvroSerde.forValues(registry, RoleEvent.getClassSchema());
        RoleEvent role = RoleEvent.newBuilder().setEventId("e-1").setRoleName("USER").setVersion(1)
                .setChange(io.cloudphone.ledger.schemas.user.RoleChange.CREATED).setPermissions(List.of())
                .setOccurredAt(Instant.EPOCH).build();
        byte[] framedRole = roles.serialize("cpl.outbox.role", role);

        assertThatThrownBy(() -> serde.deserialize(TOPIC, framedRole)).hasMessageContaining("RoleEvent")
                .asInstanceOf(type(UnreadableRecordException.class))
                .extracting(UnreadableRecordException::flaw).isEqualTo(Flaw.OTHER_RECORD_TYPE);
    }

    @Test
    void failsOnTruncatedBodyAsCorrupt() {
        byte[] framed = serde.serialize(TOPIC, recharge());

        assertThat(flawOf(Arrays.copyOf(framed, framed.length - 3))).isEqualTo(Flaw.CORRUPT_BODY);
    }

    @Test
    void failsOnBytesLeftOverAfterTheRecordAsCorrupt() {
        byte[] framed = serde.serialize(TOPIC, recharge());
        byte[] longer = Arrays.copyOf(framed, framed.length + 2);

        assertThat(flawOf(longer)).isEqualTo(Flaw.CORRUPT_BODY);
    }

    @Test
    void refusesAStringLengthBeyondTheLimitInsteadOfAllocatingIt() throws IOException {
        byte[] framed = serde.serialize(TOPIC, recharge());
        // The first field is the request id: a body that claims it is 200 MB long, which Avro would allocate.
        ByteArrayOutputStream hostile = new ByteArrayOutputStream();
        hostile.write(framed, 0, ConfluentWireFormat.HEADER_LENGTH);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(hostile, null);
        encoder.writeLong(200_000_000L);
        encoder.flush();

        assertThatThrownBy(() -> serde.deserialize(TOPIC, hostile.toByteArray()))
                .asInstanceOf(type(UnreadableRecordException.class))
                .satisfies(e -> assertThat(e.flaw()).isEqualTo(Flaw.CORRUPT_BODY))
                .satisfies(e -> assertThat(e.getMessage()).contains("200000000").contains("exceeds maximum allowed"));
        assertThat(AvroLimits.enforced()).isTrue();
    }

    @Test
    void aCommandOfAKindThisReaderDoesNotKnowIsUnresolvableAndKeepsWhatWasWritten() {
        byte[] framed = FutureAccountCommands.freeze(registry, "req-9", "acc-9", Instant.EPOCH);

        assertThatThrownBy(() -> serde.deserialize(TOPIC, framed))
                .asInstanceOf(type(UnreadableRecordException.class))
                .satisfies(e -> assertThat(e.flaw()).isEqualTo(Flaw.UNRESOLVABLE))
                .satisfies(e -> assertThat(e.asWritten()).get()
                        .satisfies(written -> assertThat(written.get("requestId")).hasToString("req-9")));
    }

    @Test
    void refusesIncompatibleSchemaChange() {
        Schema v1 = SchemaBuilder.record("Point").namespace("test").fields().requiredLong("x").endRecord();
        Schema v2WithRequiredField = SchemaBuilder.record("Point").namespace("test").fields().requiredLong("x")
                .requiredString("label").endRecord();
        registry.register("points-value", v1);

        assertThatThrownBy(() -> registry.register("points-value", v2WithRequiredField))
                .isInstanceOf(IncompatibleSchemaException.class);
    }

    private Flaw flawOf(byte[] framed) {
        try {
            serde.deserialize(TOPIC, framed);
        } catch (UnreadableRecordException e) {
            return e.flaw();
        }
        throw new AssertionError("read " + framed.length + " bytes without complaint");
    }

    private static AccountCommand recharge() {
        return AccountCommand.newBuilder()
                .setRequestId("req-1")
                .setAccountId("acc-1")
                .setOccurredAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setCommand(Recharge.newBuilder().setAmountMinor(1_000).setCurrency("CNY").build())
                .build();
    }
}
