package io.cloudphone.ledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.system.LocalStack;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The serde against the real registry (Apicurio's Confluent-compatible API, global rule BACKWARD). */
class RegistryCompatibilityIT {

    private final RestSchemaRegistryClient registry = new RestSchemaRegistryClient(LocalStack.registryUrl());

    @Test
    void roundTripsThroughTheRealRegistry() {
        String topic = "it.serde." + UUID.randomUUID();
        AvroSerde<AccountCommand> serde = AvroSerde.forValues(registry, AccountCommand.getClassSchema());
        AccountCommand command = AccountCommand.newBuilder().setRequestId("r-1").setAccountId("a-1")
                .setOccurredAt(Instant.ofEpochMilli(1_000))
                .setCommand(Recharge.newBuilder().setAmountMinor(10).setCurrency("CNY").build()).build();

        byte[] framed = serde.serialize(topic, command);

        assertThat(ConfluentWireFormat.schemaId(framed)).isEqualTo(registry.idOf(topic + "-value",
                AccountCommand.getClassSchema()));
        AvroSerde<AccountCommand> freshReader = AvroSerde.forValues(
                new RestSchemaRegistryClient(LocalStack.registryUrl()), AccountCommand.getClassSchema());
        assertThat(freshReader.deserialize(topic, framed)).isEqualTo(command);
    }

    /** AvroSerdeTest takes this contract for granted with its in-memory registry: here the real one keeps it. */
    @Test
    void anIdTheRealRegistryDoesNotKnowIsSchemaNotFound() {
        int unknown = Integer.MAX_VALUE - 7;

        assertThatThrownBy(() -> new RestSchemaRegistryClient(LocalStack.registryUrl()).schemaById(unknown))
                .isInstanceOf(SchemaNotFoundException.class)
                .hasMessageContaining(Integer.toString(unknown));
    }

    @Test
    void aRecordWithAnIdTheRealRegistryDoesNotKnowIsUnreadableAsUnknownSchemaId() {
        String topic = "it.serde." + UUID.randomUUID();
        AvroSerde<AccountCommand> serde = AvroSerde.forValues(registry, AccountCommand.getClassSchema());
        byte[] framed = serde.serialize(topic, AccountCommand.newBuilder().setRequestId("r-1").setAccountId("a-1")
                .setOccurredAt(Instant.ofEpochMilli(1_000))
                .setCommand(Recharge.newBuilder().setAmountMinor(10).setCurrency("CNY").build()).build());
        ByteBuffer.wrap(framed).putInt(1, Integer.MAX_VALUE - 7);

        AvroSerde<AccountCommand> freshReader = AvroSerde.forValues(
                new RestSchemaRegistryClient(LocalStack.registryUrl()), AccountCommand.getClassSchema());
        assertThatThrownBy(() -> freshReader.deserialize(topic, framed))
                .asInstanceOf(type(UnreadableRecordException.class))
                .extracting(UnreadableRecordException::flaw).isEqualTo(UnreadableRecordException.Flaw.UNKNOWN_SCHEMA_ID);
    }

    @Test
    void acceptsBackwardCompatibleChange() {
        String subject = "it.compat." + UUID.randomUUID() + "-value";
        int v1 = registry.register(subject, point(false));

        int v2 = registry.register(subject, pointWithOptionalLabel());

        assertThat(v2).isNotEqualTo(v1);
        assertThat(registry.schemaById(v2)).isEqualTo(pointWithOptionalLabel());
    }

    @Test
    void refusesIncompatibleChange() {
        String subject = "it.compat." + UUID.randomUUID() + "-value";
        registry.register(subject, point(false));

        assertThatThrownBy(() -> registry.register(subject, point(true)))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining(subject);
    }

    private static Schema point(boolean withRequiredLabel) {
        var fields = SchemaBuilder.record("Point").namespace("it").fields().requiredLong("x");
        return withRequiredLabel ? fields.requiredString("label").endRecord() : fields.endRecord();
    }

    private static Schema pointWithOptionalLabel() {
        return SchemaBuilder.record("Point").namespace("it").fields().requiredLong("x")
                .name("label").type().stringType().stringDefault("none").endRecord();
    }
}
