package io.cloudphone.ledger.schemas.serde;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format: byte 0 is the magic 0, bytes 1-4 the schema id (big-endian), then the
 * Avro binary body. Kept bit-exact so that any Confluent-compatible consumer can read our topics.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    public static byte[] frame(int schemaId, byte[] avroBody) {
        ByteBuffer framed = ByteBuffer.allocate(HEADER_LENGTH + avroBody.length);
        framed.put(MAGIC_BYTE).putInt(schemaId).put(avroBody);
        return framed.array();
    }

    /** Reads the schema id of a framed message, refusing anything that is not in this format. */
    public static int schemaId(byte[] framed) {
        if (framed == null || framed.length < HEADER_LENGTH) {
            throw new SerdeException("not in Confluent wire format: "
                    + (framed == null ? "null" : framed.length + " bytes") + ", need at least " + HEADER_LENGTH);
        }
        if (framed[0] != MAGIC_BYTE) {
            throw new SerdeException("not in Confluent wire format: magic byte is " + framed[0] + ", expected 0");
        }
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }
}
