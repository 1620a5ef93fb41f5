package io.cloudphone.ledger.schemas.account;

import io.cloudphone.ledger.schemas.serde.ConfluentWireFormat;
import io.cloudphone.ledger.schemas.serde.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Account commands as a later version of command-api might write them: with a kind of command today's
 * readers do not know. For tests of how readers meet them (unit tests here and in the ledger, and the
 * system tests against the real registry).
 */
public final class FutureAccountCommands {

    public static final String KIND = "FreezeAccount";
    /** Registered under a subject of its own, so that the real topics' subjects keep today's schema. */
    public static final String SUBJECT = "cpl.test.future-account-commands-value";

    private FutureAccountCommands() {
    }

    /** AccountCommand with one more command in its union: {@value #KIND}, with a reason. */
    public static Schema schema() {
        Schema current = AccountCommand.getClassSchema();
        Schema freeze = SchemaBuilder.record(KIND).namespace(current.getNamespace()).fields()
                .requiredString("reason").endRecord();
        List<Schema> commands = new ArrayList<>(current.getField("command").schema().getTypes());
        commands.add(freeze);
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : current.getFields()) {
            Schema type = field.name().equals("command") ? Schema.createUnion(commands) : field.schema();
            fields.add(new Schema.Field(field.name(), type, field.doc(), field.defaultVal()));
        }
        return Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    }

    /** A {@value #KIND} command in the wire format, framed with the id the registry gives its schema. */
    public static byte[] freeze(SchemaRegistryClient registry, String requestId, String accountId, Instant occurredAt) {
        Schema newer = schema();
        int schemaId = registry.register(SUBJECT, newer);
        List<Schema> commands = newer.getField("command").schema().getTypes();
        GenericRecord freeze = new GenericData.Record(commands.get(commands.size() - 1));
        freeze.put("reason", "audit");
        GenericRecord command = new GenericData.Record(newer);
        command.put("requestId", requestId);
        command.put("accountId", accountId);
        command.put("occurredAt", occurredAt.toEpochMilli());
        command.put("command", freeze);
        return ConfluentWireFormat.frame(schemaId, encode(newer, command));
    }

    private static byte[] encode(Schema schema, GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
