package io.cloudphone.ledger.api.system;

import io.cloudphone.ledger.platform.web.PlatformProblemHandler;
import io.cloudphone.ledger.platform.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * command-api's own refusals ({@link ApiProblem}) as problem+json. Features answer their own exceptions where
 * they live (the ledger client's in {@code ledger}); the rest (401, 403, 413, the framework's errors, anything
 * unexpected) is the platform's {@link PlatformProblemHandler}, which comes after these.
 */
@RestControllerAdvice
@Order(PlatformProblemHandler.APP_ORDER)
class ProblemHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return Problems.of(problem.status(), problem.title(), problem.getMessage());
    }
}
