package io.cloudphone.ledger.provider.notification;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification body as JSON bytes, both ways. Reading is strict where a lenient reader could be fooled (a
 * duplicate key, a quoted number, trailing data, more than {@value #BODY_BYTES_MAX} bytes) and tolerant where a
 * provider adds to its format (unknown fields are ignored).
 */
public final class NotificationCodec {

    /** A normalized notification is about 300 bytes; anything far beyond is not one. */
    public static final int BODY_BYTES_MAX = 16 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private NotificationCodec() {
    }

    public static byte[] write(ProviderNotification notification) {
        return MAPPER.writeValueAsBytes(notification);
    }

    /** The notification in {@code body}; IllegalArgumentException saying what is wrong with anything else. */
    public static ProviderNotification read(byte[] body) {
        if (body.length > BODY_BYTES_MAX) {
            throw new IllegalArgumentException("a notification body of " + body.length + " bytes; at most "
                    + BODY_BYTES_MAX + " are read");
        }
        try {
            return MAPPER.readValue(body, ProviderNotification.class);
        } catch (JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException invalid ? invalid : e;
            throw new IllegalArgumentException("not a notification: " + firstLine(cause.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
