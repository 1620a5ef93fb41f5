package io.cloudphone.ledger.simulator.payment.web;

import io.cloudphone.ledger.simulator.payment.book.SimulatorError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error as the providers answer them, {@code {"code", "message"}}, never a stack trace. */
@RestControllerAdvice
class SimulatorErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorErrorHandler.class);

    @ExceptionHandler(SimulatorException.class)
    ResponseEntity<Object> simulator(SimulatorException e) {
        return Answers.error(e.error, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> invalid(IllegalArgumentException e) {
        return Answers.error(SimulatorError.INVALID_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : "the body is not the JSON expected";
        return Answers.error(SimulatorError.INVALID_REQUEST, reason);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException e) {
        return Answers.error(SimulatorError.INVALID_REQUEST, e.getName() + " is not a valid value");
    }

    /** The framework's own refusals (no such path, method not allowed, ...) with their status. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> other(Exception e) {
        if (e instanceof ErrorResponse framework) {
            int status = framework.getStatusCode().value();
            SimulatorError error = switch (status) {
                case 404 -> SimulatorError.NOT_FOUND;
                case 405 -> SimulatorError.METHOD_NOT_ALLOWED;
                default -> status < 500 ? SimulatorError.INVALID_REQUEST : SimulatorError.INTERNAL_ERROR;
            };
            return ResponseEntity.status(status).body(new Answers.ErrorBody(error.name(),
                    framework.getBody().getDetail()));
        }
        LOG.error("unexpected error", e);
        return Answers.error(SimulatorError.INTERNAL_ERROR, "unexpected error: see the simulator's log");
    }
}
