package io.cloudphone.ledger.api.system;

import io.cloudphone.ledger.api.ledger.LedgerQueryClient;
import io.cloudphone.ledger.api.ledger.LedgerUnavailableException;
import io.cloudphone.ledger.api.security.IssuerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as problem+json: our own refusals, the framework's (malformed JSON, wrong method, wrong
 * media type, via {@link ResponseEntityExceptionHandler}), authentication and authorization failures
 * (SecurityConfiguration routes them here), a too-large body, a ledger that cannot answer yet (503), and
 * anything unexpected (500, logged, without internals in the answer).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final int CAUSE_DEPTH_MAX = 16;

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return problem(problem.status(), problem.title(), problem.getMessage());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "a valid bearer token is required: " + e.getMessage());
        body.setTitle("Unauthorized");
        // RFC 6750: tell the client which scheme to use (and, without detail, nothing about the token).
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(body);
    }

    @ExceptionHandler(IssuerUnavailableException.class)
    ResponseEntity<ProblemDetail> issuerUnavailable(IssuerUnavailableException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        body.setTitle("Identity provider unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(IssuerUnavailableException.RETRY_AFTER_SECONDS))
                .body(body);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "the token's permissions do not allow this request");
    }

    @ExceptionHandler(LedgerUnavailableException.class)
    ResponseEntity<ProblemDetail> ledgerUnavailable(LedgerUnavailableException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        body.setTitle("Ledger not queryable yet");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(body);
    }

    @ExceptionHandler(LedgerQueryClient.LedgerRefusedException.class)
    ResponseEntity<ProblemDetail> ledgerRefused(LedgerQueryClient.LedgerRefusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the request failed unexpectedly; "
                + "nothing it asked for was committed unless its status says so");
    }

    /** A body cut off at the size limit surfaces as unreadable JSON: answer what it really is. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
                body.setTitle("Request body too large");
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body);
            }
            cause = cause.getCause();
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return ResponseEntity.status(status).body(body);
    }
}
