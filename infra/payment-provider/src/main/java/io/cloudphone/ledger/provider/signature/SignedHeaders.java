package io.cloudphone.ledger.provider.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the signature headers of a notification: by name in any case, exactly once, of bounded length. */
final class SignedHeaders {

    /** Longer than any signature header of the three schemes (a 4096-bit RSA signature is 684 base64 characters). */
    static final int VALUE_LENGTH_MAX = 2048;
    private static final int TIMESTAMP_DIGITS_MAX = 12;

    private SignedHeaders() {
    }

    /**
     * The one value of header {@code name}, whatever the case of the map's keys (servers differ: java.net.http keeps
     * them, com.sun.net.httpserver capitalizes only the first letter). Missing, repeated or overlong: refused.
     */
    static String one(Map<String, List<String>> headers, String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && header.getValue() != null) {
                values.addAll(header.getValue());
            }
        }
        if (values.isEmpty()) {
            throw new Refusal("missing header " + name);
        }
        if (values.size() > 1) {
            throw new Refusal("header " + name + " appears " + values.size() + " times; one is expected");
        }
        String value = values.getFirst().strip();
        if (value.isEmpty()) {
            throw new Refusal("header " + name + " is empty");
        }
        if (value.length() > VALUE_LENGTH_MAX) {
            throw new Refusal("header " + name + " is " + value.length() + " characters long, more than "
                    + VALUE_LENGTH_MAX);
        }
        return value;
    }

    /** Unix seconds, checked against now: a notification signed longer ago (or ahead) than the tolerance is refused. */
    static long freshTimestamp(String text, String what, Instant now, Duration tolerance) {
        if (text.length() > TIMESTAMP_DIGITS_MAX || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refusal(what + " is not a time in unix seconds: '" + text + "'");
        }
        long seconds = Long.parseLong(text);
        long apartSeconds = Math.abs(now.getEpochSecond() - seconds);
        if (apartSeconds > tolerance.toSeconds()) {
            throw new Refusal(what + " " + seconds + " is " + apartSeconds + " s from now, beyond the tolerance of "
                    + tolerance.toSeconds() + " s (stale, replayed, or the clocks disagree)");
        }
        return seconds;
    }
}
