package io.cloudphone.ledger.streams.ledger.query;

import io.cloudphone.ledger.platform.web.PlatformProblemHandler;
import io.cloudphone.ledger.platform.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The ledger's own refusal of a query: a state further back than it walks (422, read it by version instead). */
@RestControllerAdvice
@Order(PlatformProblemHandler.APP_ORDER)
class LedgerQueryProblems {

    @ExceptionHandler(LedgerQueryService.AsOfTooFarBackException.class)
    ResponseEntity<ProblemDetail> tooFarBack(LedgerQueryService.AsOfTooFarBackException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Too far back", e.getMessage());
    }
}
