package io.cloudphone.ledger.api.system;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the API refuses, with the status and the sentence a client needs to fix it. A Spring
 * {@link ErrorResponseException}, so the platform's handler renders it as RFC 9457 problem+json with its headers
 * (e.g. {@code Retry-After}) like any other framework error. Thrown before anything is written, or inside the
 * transaction, which then rolls back: a refused request leaves no trace.
 */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    public static ApiProblem invalid(String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", detail);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    /** A refusal that passes (busy, locked for a while): {@code Retry-After} says when to try again, at least 1 s. */
    public static ApiProblem retryAfter(HttpStatus status, String title, String detail, Duration wait) {
        ApiProblem problem = new ApiProblem(status, title, detail);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
        return problem;
    }

    public HttpStatus status() {
        return HttpStatus.valueOf(getStatusCode().value());
    }

    /** The sentence for the client (the problem's {@code detail}). */
    public String detail() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
