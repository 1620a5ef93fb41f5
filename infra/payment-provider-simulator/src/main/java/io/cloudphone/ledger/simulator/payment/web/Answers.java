package io.cloudphone.ledger.simulator.payment.web;

import io.cloudphone.ledger.simulator.payment.book.Result;
import io.cloudphone.ledger.simulator.payment.book.SimulatorError;
import org.springframework.http.ResponseEntity;

/** The book's results as HTTP answers: 201 for what was created, 200 for the rest, errors as {code, message}. */
final class Answers {

    /** Stripe's header on an answer replayed for an idempotency key it has seen; here, for any repeated number. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** The provider-style error body. */
    record ErrorBody(String code, String message) {
    }

    private Answers() {
    }

    /** 201 when created, else 200 with {@value #REPLAYED_HEADER}: true (the same number again). */
    static ResponseEntity<Object> ofCreation(Result<?> result) {
        return switch (result) {
            case Result.Done<?> done when done.created() -> ResponseEntity.status(201).body(done.value());
            case Result.Done<?> done -> ResponseEntity.ok().header(REPLAYED_HEADER, "true").body(done.value());
            case Result.Refused<?> refused -> error(refused.error(), refused.message());
        };
    }

    static ResponseEntity<Object> of(Result<?> result) {
        return switch (result) {
            case Result.Done<?> done -> ResponseEntity.ok(done.value());
            case Result.Refused<?> refused -> error(refused.error(), refused.message());
        };
    }

    static ResponseEntity<Object> error(SimulatorError error, String message) {
        return ResponseEntity.status(error.httpStatus()).body(new ErrorBody(error.name(), message));
    }
}
