package io.cloudphone.ledger.platform.web;

import io.cloudphone.ledger.platform.security.IssuerUnavailableException;
import io.cloudphone.ledger.platform.security.TokenRefusedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
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
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.body(CommonProblem.UNAUTHORIZED, detail));
    }

    @ExceptionHandler(IssuerUnavailableException.class)
    ResponseEntity<ProblemDetail> issuerUnavailable(IssuerUnavailableException e) {
        return Problems.retryLater(CommonProblem.IDENTITY_PROVIDER_UNAVAILABLE, e.getMessage(),
                Duration.ofSeconds(IssuerUnavailableException.RETRY_AFTER_SECONDS));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return Problems.of(CommonProblem.FORBIDDEN, "the token's permissions do not allow this request");
    }

    @ExceptionHandler(UnacceptableTextException.class)
    ResponseEntity<ProblemDetail> unacceptableText(UnacceptableTextException e) {
        return Problems.of(CommonProblem.INVALID_REQUEST, e.getMessage());
    }

    /**
     * What the container or the security firewall refuses only when a controller's argument is read: a query parameter
     * that is not UTF-8 (Tomcat), a header value with characters the firewall does not allow, a multipart body that
     * does not parse. All are the request's fault, and all come before the controller ran.
     */
    @ExceptionHandler({InvalidParameterException.class, RequestRejectedException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> unreadableRequest(Exception e) {
        log.debug("unreadable request: {}", e.getMessage());
        return Problems.of(CommonProblem.MALFORMED_REQUEST, "the request cannot be read: a parameter that is not "
                + "UTF-8, a header value with characters it may not hold, or a body that does not parse");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return Problems.of(CommonProblem.INTERNAL_ERROR, "the request failed unexpectedly; "
                + "nothing it asked for was committed unless its status says so");
    }

    /**
     * A parameter that is not of its type, or given twice where it is one value: named, with the type expected, and
     * never with the framework's words (which echo the value, or a Java array's identity).
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "value" : expectedValue(e.getRequiredType());
        return handleExceptionInternal(e, Problems.body(CommonProblem.MALFORMED_REQUEST,
                "parameter " + name + " must be one " + expected), headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Every problem this handler answers through the framework (its own, every ErrorResponseException, ApiProblem
     * included) with its media type preset, as {@link Problems} does: written whatever the request's Accept says.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        HttpHeaders typed = new HttpHeaders();
        typed.putAll(headers);
        if (body instanceof ProblemDetail && typed.getContentType() == null) {
            typed.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return super.createResponseEntity(body, typed, status, request);
    }

    /**
     * A client that accepts no JSON still gets its 406 as problem+json (the type is preset by
     * {@link #createResponseEntity}), so that the negotiation that refused the request does not also refuse its
     * explanation (an empty body).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
        return handleExceptionInternal(e, Problems.body(CommonProblem.NOT_ACCEPTABLE, "every operation answers "
                + "application/json, and its errors application/problem+json; the Accept header admits neither"),
                headers, HttpStatus.NOT_ACCEPTABLE, request);
    }

    private static String expectedValue(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "integer";
        }
        if (type == Instant.class) {
            return "ISO-8601 instant (e.g. 2026-12-06T12:00:00Z)";
        }
        if (type == UUID.class) {
            return "UUID";
        }
        return type.isEnum() ? "of " + Arrays.toString(type.getEnumConstants()) : "value";
    }

    /** A body cut off at the size limit surfaces as unreadable JSON: answer what it really is. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                return handleExceptionInternal(e, Problems.body(CommonProblem.BODY_TOO_LARGE, tooLarge.getMessage()),
                        headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
            cause = cause.getCause();
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }
}
