package io.cloudphone.ledger.streams.system;

import io.cloudphone.ledger.streams.ledger.LedgerQueryService;
import io.cloudphone.ledger.streams.ledger.StoreUnavailableException;
import java.time.Duration;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the query API as problem+json: a store that is starting or migrating is a temporary condition
 * (503 with Retry-After, never 500); a missing or invalid token is 401, a token without ledger:read 403.
 */
@RestControllerAdvice
class QueryErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryErrorHandler.class);

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "a valid bearer token is required: " + e.getMessage());
        problem.setTitle("Unauthorized");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(problem);
    }

    @ExceptionHandler(IssuerUnavailableException.class)
    ResponseEntity<ProblemDetail> issuerUnavailable(IssuerUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Identity provider unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(IssuerUnavailableException.RETRY_AFTER_SECONDS))
                .body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "the ledger's query API needs the ledger:read permission");
        problem.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(LedgerQueryService.AsOfTooFarBackException.class)
    ResponseEntity<ProblemDetail> tooFarBack(LedgerQueryService.AsOfTooFarBackException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Too far back");
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException e) {
        return retryLater(e.getMessage());
    }

    /**
     * Kafka Streams checks the thread's state on every read of a store handle, not only when the handle is
     * taken: a rebalance that starts between the two (PARTITIONS_ASSIGNED) fails the read itself.
     */
    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> storeMigrated(InvalidStateStoreException e) {
        return retryLater("the ledger's state is moving between instances: " + e.getMessage());
    }

    /** A store name the code asks for and the topology lacks: a defect, not a state that passes. */
    @ExceptionHandler(UnknownStateStoreException.class)
    ResponseEntity<ProblemDetail> unknownStore(UnknownStateStoreException e) {
        log.error("query for a store the topology does not have", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the query failed unexpectedly");
        problem.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    private static ResponseEntity<ProblemDetail> retryLater(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Ledger state is not queryable yet");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(problem);
    }
}
