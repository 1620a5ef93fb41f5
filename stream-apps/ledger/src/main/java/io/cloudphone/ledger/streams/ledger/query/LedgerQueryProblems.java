package io.cloudphone.ledger.streams.ledger.query;

import io.cloudphone.ledger.platform.web.PlatformProblemHandler;
import io.cloudphone.ledger.platform.web.ProblemTypes;
import io.cloudphone.ledger.platform.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The ledger's own refusal of a query: a state further back than it walks (422, read it by version instead). */
@RestControllerAdvice
@Order(PlatformProblemHandler.APP_ORDER)
class LedgerQueryProblems {

    /** In the ledger's catalogue ({@code GET /problems}), beside the platform's and the runtime's. */
    @Bean
    static ProblemTypes ledgerQueryProblemTypes() {
        return ProblemTypes.of(LedgerQueryProblem.class);
    }

    @ExceptionHandler(LedgerQueryService.AsOfTooFarBackException.class)
    ResponseEntity<ProblemDetail> tooFarBack(LedgerQueryService.AsOfTooFarBackException e) {
        return Problems.of(LedgerQueryProblem.AS_OF_TOO_FAR_BACK, e.getMessage());
    }
}
