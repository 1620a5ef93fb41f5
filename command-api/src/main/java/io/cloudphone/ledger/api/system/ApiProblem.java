package io.cloudphone.ledger.api.system;

import io.cloudphone.ledger.platform.web.CommonProblem;
import io.cloudphone.ledger.platform.web.ProblemType;
import io.cloudphone.ledger.platform.web.Problems;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request the API refuses: its {@link ProblemType} (status, stable code) and the sentence a client needs to fix
 * it. A Spring {@link ErrorResponseException}, so the platform's handler renders it as RFC 9457 problem+json with its
 * headers (e.g. {@code Retry-After}) like any other framework error. Thrown before anything is written, or inside
 * the transaction, which then rolls back: a refused request leaves no trace.
 */
public class ApiProblem extends ErrorResponseException {

    private final ProblemType type;

    public ApiProblem(ProblemType type, String detail) {
        super(type.status(), Problems.body(type, detail), null);
        this.type = type;
    }

    public static ApiProblem invalid(String detail) {
        return new ApiProblem(CommonProblem.INVALID_REQUEST, detail);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(CommonProblem.MALFORMED_REQUEST, detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(CommonProblem.NOT_FOUND, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(CommonProblem.FORBIDDEN, detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(CommonProblem.CONFLICT, detail);
    }

    /** A refusal that passes (busy, locked for a while): {@code Retry-After} says when to try again, at least 1 s. */
    public static ApiProblem retryAfter(ProblemType type, String detail, Duration wait) {
        ApiProblem problem = new ApiProblem(type, detail);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
        return problem;
    }

    public ProblemType type() {
        return type;
    }

    public HttpStatus status() {
        return type.status();
    }

    /** The sentence for the client (the problem's {@code detail}). */
    public String detail() {
        return getBody().getDetail();
    }
}
