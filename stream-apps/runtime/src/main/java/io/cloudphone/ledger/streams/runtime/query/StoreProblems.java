package io.cloudphone.ledger.streams.runtime.query;

import io.cloudphone.ledger.platform.web.CommonProblem;
import io.cloudphone.ledger.platform.web.PlatformProblemHandler;
import io.cloudphone.ledger.platform.web.Problems;
import io.cloudphone.ledger.streams.runtime.StoreUnavailableException;
import java.time.Duration;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A stream app's interactive queries that cannot be answered now, as problem+json: a store that is starting or
 * migrating is a temporary condition (503 with Retry-After, never 500). Tokens (401, 403) and anything unexpected
 * are the platform's {@link PlatformProblemHandler}, which comes after this one.
 */
@RestControllerAdvice
@Order(PlatformProblemHandler.APP_ORDER)
public class StoreProblems {

    private static final Logger log = LoggerFactory.getLogger(StoreProblems.class);

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

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
        return retryLater("the state is moving between instances: " + e.getMessage());
    }

    /** A store name the code asks for and the topology lacks: a defect, not a state that passes. */
    @ExceptionHandler(UnknownStateStoreException.class)
    ResponseEntity<ProblemDetail> unknownStore(UnknownStateStoreException e) {
        log.error("query for a store the topology does not have", e);
        return Problems.of(CommonProblem.INTERNAL_ERROR, "the query failed unexpectedly");
    }

    private static ResponseEntity<ProblemDetail> retryLater(String detail) {
        return Problems.retryLater(StoreProblem.STATE_NOT_QUERYABLE, detail, RETRY_AFTER);
    }
}
