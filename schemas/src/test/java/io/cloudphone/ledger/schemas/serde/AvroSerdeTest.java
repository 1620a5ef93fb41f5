package io.cloudphone.ledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.Recharge;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
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
    void failsOnWrongMagicByte() {
        byte[] framed = serde.serialize(TOPIC, recharge());
        framed[0] = 1;

        assertThatThrownBy(() -> serde.deserialize(TOPIC, framed))
                .isInstanceOf(SerdeException.class).hasMessageContaining("magic byte");
    }

    @Test
    void failsOnTruncatedMessage() {
        assertThatThrownBy(() -> serde.deserialize(TOPIC, new byte[] {0, 0, 0}))
                .isInstanceOf(SerdeException.class).hasMessageContaining("3 bytes");
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

    private static AccountCommand recharge() {
        return AccountCommand.newBuilder()
                .setRequestId("req-1")
                .setAccountId("acc-1")
                .setOccurredAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setCommand(Recharge.newBuilder().setAmountMinor(1_000).setCurrency("CNY").build())
                .build();
    }
}
