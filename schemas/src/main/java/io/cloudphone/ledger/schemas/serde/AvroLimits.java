package io.cloudphone.ledger.schemas.serde;

import org.apache.avro.SystemLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds on what Avro allocates while decoding. Avro allocates a string, byte array or collection of the
 * length a record claims before reading it, and its default bound is 2^31 - 9: one corrupt or hostile
 * record claiming a 2 GB string would exhaust a consumer's heap. Nothing we write comes near a Kafka
 * record's default size limit, so no length in a record may exceed it.
 */
public final class AvroLimits {

    /** Kafka's default max.message.bytes, rounded up: no field of a record can be longer than its record. */
    public static final int LENGTH_MAX = 1024 * 1024;
    /** Items in one array or map of one record: our schemas carry a handful (roles, permissions). */
    public static final int COLLECTION_ITEMS_MAX = 10_000;

    private static final String BYTES_PROPERTY = "org.apache.avro.limits.bytes.maxLength";
    private static final String STRING_PROPERTY = "org.apache.avro.limits.string.maxLength";
    private static final String COLLECTION_PROPERTY = "org.apache.avro.limits.collectionItems.maxLength";
    private static final Logger log = LoggerFactory.getLogger(AvroLimits.class);

    private AvroLimits() {
    }

    /**
     * Sets the limits unless a deployment set its own system properties. Avro reads them once, when
     * {@link SystemLimitException} is first loaded: {@link AvroSerde} calls this before its first read, and
     * a warning says so if something decoded Avro even earlier.
     */
    static void applyDefaults() {
        setIfAbsent(BYTES_PROPERTY, LENGTH_MAX);
        setIfAbsent(STRING_PROPERTY, LENGTH_MAX);
        setIfAbsent(COLLECTION_PROPERTY, COLLECTION_ITEMS_MAX);
        if (!enforced()) {
            log.warn("Avro's decoding limits were fixed before AvroSerde set them: a record claiming a huge string "
                    + "can still exhaust the heap; set {} and {} on the command line", STRING_PROPERTY, BYTES_PROPERTY);
        }
    }

    /** Whether Avro refuses a string longer than the limit the system property names, as it must. */
    static boolean enforced() {
        long limit = Long.parseLong(System.getProperty(STRING_PROPERTY));
        try {
            SystemLimitException.checkMaxStringLength(limit + 1);
            return false;
        } catch (SystemLimitException refused) {
            return true;
        }
    }

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }
}
