package io.cloudphone.ledger.schemas.serde;

import io.cloudphone.ledger.schemas.serde.UnreadableRecordException.Flaw;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
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
 *
 * <p>Reading fails in one of two ways a consumer must tell apart: {@link UnreadableRecordException} (these
 * bytes will never be readable: set the record aside) and {@link RegistryUnavailableException} (the
 * registry could not be asked: the record may be fine).
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    static {
        AvroLimits.applyDefaults();
    }

    private final SchemaRegistryClient registry;
    private final Schema readerSchema;
    private final boolean isKey;
    private final boolean autoRegister;
    private final SpecificDatumWriter<T> writer;
    private final Map<Integer, WriterSchemaReader<T>> readersByWriterId = new ConcurrentHashMap<>();

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

    /**
     * @return the record, or null for null bytes (a tombstone)
     * @throws UnreadableRecordException    the bytes are not a readable record of this type, and never will be
     * @throws RegistryUnavailableException the writer's schema could not be fetched; the bytes may be fine
     */
    public T deserialize(String topic, byte[] framed) {
        if (framed == null) {
            return null;
        }
        int schemaId = schemaIdOf(framed);
        WriterSchemaReader<T> reader = readersByWriterId.get(schemaId);
        if (reader == null) {
            // Not computeIfAbsent: the registry call may block, and a failed lookup must not be remembered.
            reader = readerFor(topic, schemaId);
            readersByWriterId.putIfAbsent(schemaId, reader);
        }
        return reader.read(topic, framed);
    }

    private static int schemaIdOf(byte[] framed) {
        try {
            return ConfluentWireFormat.schemaId(framed);
        } catch (SerdeException notFramed) {
            throw new UnreadableRecordException(Flaw.NOT_WIRE_FORMAT, notFramed.getMessage(), notFramed);
        }
    }

    private WriterSchemaReader<T> readerFor(String topic, int writerSchemaId) {
        Schema writerSchema;
        try {
            writerSchema = registry.schemaById(writerSchemaId);
        } catch (SchemaNotFoundException unknown) {
            throw new UnreadableRecordException(Flaw.UNKNOWN_SCHEMA_ID, "no schema with id " + writerSchemaId
                    + " in the registry (record on " + topic + ")", unknown);
        }
        return new WriterSchemaReader<>(writerSchemaId, writerSchema, readerSchema);
    }

    @Override
    public Serializer<T> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this::deserialize;
    }

    /** Reads the bodies written with one writer schema: schema ids never change meaning, so one per id is kept. */
    private static final class WriterSchemaReader<T> {

        private final int writerSchemaId;
        private final Schema writerSchema;
        private final Schema readerSchema;
        private final SpecificDatumReader<T> reader;
        private final String otherRecordType;

        WriterSchemaReader(int writerSchemaId, Schema writerSchema, Schema readerSchema) {
            this.writerSchemaId = writerSchemaId;
            this.writerSchema = writerSchema;
            this.readerSchema = readerSchema;
            this.reader = new SpecificDatumReader<>(writerSchema, readerSchema, SpecificData.getForSchema(readerSchema));
            // Avro would also refuse another record name, but only deep inside a read and in its own words.
            boolean sameType = writerSchema.getType() == readerSchema.getType()
                    && (writerSchema.getFullName().equals(readerSchema.getFullName())
                    || readerSchema.getAliases().contains(writerSchema.getFullName()));
            this.otherRecordType = sameType ? null : writerSchema.getFullName();
        }

        T read(String topic, byte[] framed) {
            if (otherRecordType != null) {
                throw new UnreadableRecordException(Flaw.OTHER_RECORD_TYPE, "schema id " + writerSchemaId + " is "
                        + otherRecordType + ", not " + readerSchema.getFullName() + " (record on " + topic + ")", null);
            }
            try {
                BinaryDecoder decoder = bodyDecoder(framed);
                T record = reader.read(null, decoder);
                requireConsumed(decoder, framed);
                return record;
            } catch (IOException | RuntimeException readerFailed) {
                throw diagnose(topic, framed, readerFailed);
            }
        }

        /** Off the hot path: was the body itself broken, or can only this reader not represent it? */
        private UnreadableRecordException diagnose(String topic, byte[] framed, Exception readerFailed) {
            String where = readerSchema.getFullName() + " from " + topic + " (writer schema id " + writerSchemaId + ")";
            try {
                BinaryDecoder decoder = bodyDecoder(framed);
                GenericRecord asWritten = new GenericDatumReader<GenericRecord>(writerSchema).read(null, decoder);
                requireConsumed(decoder, framed);
                return new UnreadableRecordException(Flaw.UNRESOLVABLE, "cannot read " + where
                        + ": written as the writer's schema allows, but this reader cannot represent it: "
                        + readerFailed.getMessage(), readerFailed, asWritten);
            } catch (IOException | RuntimeException corrupt) {
                return new UnreadableRecordException(Flaw.CORRUPT_BODY, "cannot read " + where + ": "
                        + (corrupt.getMessage() == null ? corrupt.getClass().getSimpleName() : corrupt.getMessage()),
                        corrupt);
            }
        }

        private static BinaryDecoder bodyDecoder(byte[] framed) {
            return DecoderFactory.get().binaryDecoder(framed, ConfluentWireFormat.HEADER_LENGTH,
                    framed.length - ConfluentWireFormat.HEADER_LENGTH, null);
        }

        /** Bytes after the record mean it was not written with this schema, even if a prefix happens to decode. */
        private static void requireConsumed(BinaryDecoder decoder, byte[] framed) throws IOException {
            if (!decoder.isEnd()) {
                throw new IOException("bytes left over after the record (" + framed.length + " bytes in all)");
            }
        }
    }
}
