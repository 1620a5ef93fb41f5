package io.cloudphone.ledger.api.system;

import io.cloudphone.ledger.api.ledger.LedgerUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as problem+json: our own refusals, the framework's (malformed JSON, wrong method, wrong
 * media type, via {@link ResponseEntityExceptionHandler}), and a ledger that cannot answer yet (503).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setTitle(problem.title());
        return ResponseEntity.status(problem.status()).body(body);
    }

    @ExceptionHandler(LedgerUnavailableException.class)
    ResponseEntity<ProblemDetail> ledgerUnavailable(LedgerUnavailableException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        body.setTitle("Ledger not queryable yet");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(body);
    }
}
