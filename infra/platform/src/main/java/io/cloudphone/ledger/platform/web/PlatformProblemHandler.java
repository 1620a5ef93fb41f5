package io.cloudphone.ledger.platform.web;

import io.cloudphone.ledger.platform.security.IssuerUnavailableException;
import io.cloudphone.ledger.platform.security.TokenRefusedException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
 * The errors every app answers alike, as problem+json: the framework's (malformed JSON, wrong method or media
 * type, and any {@code ErrorResponseException}, through {@link ResponseEntityExceptionHandler}), a missing or
 * bad token (401), a token without the permission (403; the platform's filter chain routes both here), an
 * identity provider that cannot be reached (503), a body over the limit (413), and anything unexpected (500,
 * logged, nothing internal in the answer).
 *
 * <p>Ordered last: an app's own {@code @RestControllerAdvice} must come before it (an {@code @Order} below
 * {@link #ORDER}), or this handler's catch-all would answer the app's own exceptions with 500.
 */
@RestControllerAdvice
@Order(PlatformProblemHandler.ORDER)
public class PlatformProblemHandler extends ResponseEntityExceptionHandler {

    public static final int ORDER = Ordered.LOWEST_PRECEDENCE;
    /** An app's own handlers: before the platform's. */
    public static final int APP_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    private static final Logger log = LoggerFactory.getLogger(PlatformProblemHandler.class);
    private static final int CAUSE_DEPTH_MAX = 16;

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        // RFC 6750: tell the client which scheme to use.
        // Why the token failed stays in the log: the verifier's words help whoever forges the next one. Only a
        // verified token the app refuses says why, to its holder.
        log.debug("unauthenticated: {}", e.getMessage());
        String detail = e instanceof TokenRefusedException refused ? refused.getMessage()
                : "a valid bearer token is required (missing, expired, for another audience or not signed by a "
                        + "trusted issuer)";
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized", detail).getBody());
    }

    @ExceptionHandler(IssuerUnavailableException.class)
    ResponseEntity<ProblemDetail> issuerUnavailable(IssuerUnavailableException e) {
        return Problems.retryLater("Identity provider unavailable", e.getMessage(),
                Duration.ofSeconds(IssuerUnavailableException.RETRY_AFTER_SECONDS));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "the token's permissions do not allow this request");
    }

    @ExceptionHandler(UnacceptableTextException.class)
    ResponseEntity<ProblemDetail> unacceptableText(UnacceptableTextException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the request failed unexpectedly; "
                + "nothing it asked for was committed unless its status says so");
    }

    /** A body cut off at the size limit surfaces as unreadable JSON: answer what it really is. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                        "Request body too large", tooLarge.getMessage()).getBody());
            }
            cause = cause.getCause();
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }
}
