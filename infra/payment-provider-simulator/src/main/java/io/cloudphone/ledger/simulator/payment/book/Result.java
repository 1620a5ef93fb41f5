package io.cloudphone.ledger.simulator.payment.book;

/** What an operation on the book came to: done (and whether it created something), or refused with no effect. */
public sealed interface Result<T> {

    record Done<T>(T value, boolean created) implements Result<T> {
    }

    record Refused<T>(SimulatorError error, String message) implements Result<T> {
    }

    static <T> Result<T> done(T value) {
        return new Done<>(value, false);
    }

    static <T> Result<T> created(T value) {
        return new Done<>(value, true);
    }

    static <T> Result<T> refused(SimulatorError error, String message) {
        return new Refused<>(error, message);
    }
}
