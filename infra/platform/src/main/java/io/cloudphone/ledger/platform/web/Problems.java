package io.cloudphone.ledger.platform.web;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem+json answers, built the one way every app's handlers build them. */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(body(status, title, detail));
    }

    /** 503 with Retry-After: a condition that passes (a store migrating, a provider restarting). */
    public static ResponseEntity<ProblemDetail> retryLater(String title, String detail, Duration retryAfter) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .body(body(HttpStatus.SERVICE_UNAVAILABLE, title, detail));
    }

    private static ProblemDetail body(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return body;
    }
}
