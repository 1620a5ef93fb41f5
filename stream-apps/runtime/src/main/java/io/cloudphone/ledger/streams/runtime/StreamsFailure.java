package io.cloudphone.ledger.streams.runtime;

import java.time.Instant;

/**
 * Why a stream app's Kafka Streams client stopped: the exception its stream thread died of, as health shows
 * it to operators and launchers.
 *
 * @param error the exception's class and message, with those of its root cause
 */
public record StreamsFailure(String thread, String error, Instant at) {

    /** Bound on the text health shows: enough for the cause, not a stack trace. */
    static final int ERROR_LENGTH_MAX = 2_000;

    public static StreamsFailure of(Throwable error, Instant at) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = describe(error) + (root == error ? "" : "; caused by " + describe(root));
        return new StreamsFailure(Thread.currentThread().getName(),
                text.length() <= ERROR_LENGTH_MAX ? text : text.substring(0, ERROR_LENGTH_MAX - 3) + "...", at);
    }

    private static String describe(Throwable error) {
        return error.getClass().getName() + ": " + error.getMessage();
    }
}
