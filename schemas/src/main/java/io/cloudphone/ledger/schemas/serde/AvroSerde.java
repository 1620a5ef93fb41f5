package io.cloudphone.ledger.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for a generated Avro class in the Confluent wire format, with subjects named by the topic-name
 * strategy ({@code <topic>-key} or {@code <topic>-value}). Readers resolve the writer's schema by id, so
 * records written with an older compatible schema are read into the current class.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SchemaRegistryClient registry;
    private final Schema readerSchema;
    private final boolean isKey;
    private final boolean autoRegister;
    private final SpecificDatumWriter<T> writer;
    private final Map<Integer, DatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();

    private AvroSerde(SchemaRegistryClient registry, Schema schema, boolean isKey, boolean autoRegister) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.readerSchema = Objects.requireNonNull(schema, "schema");
        this.isKey = isKey;
        this.autoRegister = autoRegister;
        this.writer = new SpecificDatumWriter<>(schema);
    }

    /** A value serde that registers its schema on first write (the producer owns the schema). */
    public static <T extends SpecificRecord> AvroSerde<T> forValues(SchemaRegistryClient registry, Schema schema) {
        return new AvroSerde<>(registry, schema, false, true);
    }

    /** A value serde that only looks its schema up: writing fails if nobody registered it first. */
    public static <T extends SpecificRecord> AvroSerde<T> forValuesNoAutoRegister(SchemaRegistryClient registry,
                                                                                  Schema schema) {
        return new AvroSerde<>(registry, schema, false, false);
    }

    public static String subjectFor(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        String subject = subjectFor(topic, isKey);
        int schemaId = autoRegister ? registry.register(subject, readerSchema) : registry.idOf(subject, readerSchema);
        ByteArrayOutputStream body = new ByteArrayOutputStream(128);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(body, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerdeException("cannot write " + readerSchema.getFullName() + " to " + topic + ": " + e.getMessage(), e);
        }
        return ConfluentWireFormat.frame(schemaId, body.toByteArray());
    }

    public T deserialize(String topic, byte[] framed) {
        if (framed == null) {
            return null;
        }
        int schemaId = ConfluentWireFormat.schemaId(framed);
        DatumReader<T> reader = readersByWriterId.computeIfAbsent(schemaId, this::readerFor);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(framed, ConfluentWireFormat.HEADER_LENGTH,
                framed.length - ConfluentWireFormat.HEADER_LENGTH, null);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerdeException("cannot read " + readerSchema.getFullName() + " from " + topic
                    + " (writer schema id " + schemaId + "): " + e.getMessage(), e);
        }
    }

    private DatumReader<T> readerFor(int writerSchemaId) {
        Schema writerSchema = registry.schemaById(writerSchemaId);
        return new SpecificDatumReader<>(writerSchema, readerSchema, SpecificData.getForSchema(readerSchema));
    }

    @Override
    public Serializer<T> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this::deserialize;
    }
}
