package io.cloudphone.ledger.api.ledger;

import io.cloudphone.ledger.platform.web.PlatformProblemHandler;
import io.cloudphone.ledger.platform.web.Problems;
import java.time.Duration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What the ledger's query API answered, as command-api's clients get it: 503 with Retry-After, or 422. */
@RestControllerAdvice
@Order(PlatformProblemHandler.APP_ORDER)
class LedgerProblems {

    @ExceptionHandler(LedgerUnavailableException.class)
    ResponseEntity<ProblemDetail> ledgerUnavailable(LedgerUnavailableException e) {
        return Problems.retryLater("Ledger not queryable yet", e.getMessage(), Duration.ofSeconds(e.retryAfterSeconds()));
    }

    @ExceptionHandler(LedgerQueryClient.LedgerRefusedException.class)
    ResponseEntity<ProblemDetail> ledgerRefused(LedgerQueryClient.LedgerRefusedException e) {
        return Problems.of(e.status(), "Invalid request", e.getMessage());
    }
}
