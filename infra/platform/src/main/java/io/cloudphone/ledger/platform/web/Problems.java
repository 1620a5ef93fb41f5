package io.cloudphone.ledger.platform.web;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem+json answers, built the one way every app's handlers build them: each with its type's code. */
public final class Problems {

    /** The extension member that carries {@link ProblemType#code()}. */
    public static final String CODE = "code";

    private Problems() {
    }

    /**
     * The answer, with its media type set: a preset type is written whatever the request's Accept says, so that a
     * client that accepts nothing we write (or sends an unreadable Accept) still gets this problem, not another.
     */
    public static ResponseEntity<ProblemDetail> of(ProblemType type, String detail) {
        return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(type, detail));
    }

    /** 503 with Retry-After: a condition that passes (a store migrating, a provider restarting). */
    public static ResponseEntity<ProblemDetail> retryLater(ProblemType type, String detail, Duration retryAfter) {
        return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .body(body(type, detail));
    }

    public static ProblemDetail body(ProblemType type, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(type.status(), detail);
        return typed(body, type);
    }

    /** Gives a body the type's URI, code and title; its status stays (the container's rarer statuses keep theirs). */
    public static ProblemDetail typed(ProblemDetail body, ProblemType type) {
        body.setType(type.type());
        body.setTitle(type.title());
        body.setProperty(CODE, type.code());
        return body;
    }

    /** Whether a body already says its type (an app's own problem) or still needs one from its status. */
    public static boolean isTyped(ProblemDetail body) {
        return body.getProperties() != null && body.getProperties().containsKey(CODE);
    }
}
