package io.cloudphone.ledger.api.ledger;

import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.platform.web.CommonProblem;
import io.cloudphone.ledger.platform.web.PlatformProblemHandler;
import io.cloudphone.ledger.platform.web.Problems;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(LedgerProblems.class);

    @ExceptionHandler(LedgerUnavailableException.class)
    ResponseEntity<ProblemDetail> ledgerUnavailable(LedgerUnavailableException e) {
        // Why it is not queryable (an address, a client's exception) is for the log, not for the client.
        log.info("ledger query failed: {}", e.getMessage());
        return Problems.retryLater(CommandApiProblem.LEDGER_UNAVAILABLE, "the ledger cannot answer queries now",
                Duration.ofSeconds(e.retryAfterSeconds()));
    }

    @ExceptionHandler(LedgerQueryClient.LedgerRefusedException.class)
    ResponseEntity<ProblemDetail> ledgerRefused(LedgerQueryClient.LedgerRefusedException e) {
        return Problems.of(e.status() == HttpStatus.BAD_REQUEST ? CommonProblem.MALFORMED_REQUEST
                : CommonProblem.INVALID_REQUEST, e.getMessage());
    }
}
