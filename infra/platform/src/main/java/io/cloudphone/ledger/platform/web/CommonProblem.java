package io.cloudphone.ledger.platform.web;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The problems every app answers alike: the framework's, the container's and the platform's own. A status that has
 * no entry here and no code of an app's (the container's rarer refusals: 408, 414, 431, 501, 505, ...) is answered
 * as {@link #forStatus(int)}: {@link #OTHER_CLIENT_ERROR} or {@link #INTERNAL_ERROR}.
 */
public enum CommonProblem implements ProblemType {
    MALFORMED_REQUEST(new Spec("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request",
            "The request cannot be read: unreadable or non-strict JSON (a duplicate key, a string for a number, a "
                    + "fraction for an integer), a missing or bad header or parameter, a bad path encoding. Fix the "
                    + "request; retrying it unchanged fails the same way.")),
    INVALID_REQUEST(new Spec("invalid-request", HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request",
            "The request is readable but a field breaks a rule (the detail names the field, never echoes its "
                    + "value): a control character, a bidi override, a non-positive amount, an unknown currency. "
                    + "Nothing was written.")),
    UNAUTHORIZED(new Spec("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized",
            "No bearer token, or one that is forged, expired, for another audience or revoked (a role or password "
                    + "change, a deletion or a suspension of its user). Log in again.")),
    FORBIDDEN(new Spec("forbidden", HttpStatus.FORBIDDEN, "Forbidden",
            "The token is valid but its permissions do not allow the operation; the detail names the permission.")),
    NOT_FOUND(new Spec("not-found", HttpStatus.NOT_FOUND, "Not found",
            "Nothing the caller may see has this id or path (another user's resource answers this too: its "
                    + "existence is not revealed).")),
    METHOD_NOT_ALLOWED(new Spec("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
            "The path exists but not with this method; the Allow header lists the methods it has.")),
    NOT_ACCEPTABLE(new Spec("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
            "The Accept header asks for a media type the operation cannot produce (it produces application/json).")),
    CONFLICT(new Spec("conflict", HttpStatus.CONFLICT, "Conflict",
            "The request clashes with the current state (another request changed it meanwhile, or it already "
                    + "exists); read the state again before deciding whether to retry.")),
    BODY_TOO_LARGE(new Spec("body-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
            "The body is larger than the app accepts (cpl.http.request-body-bytes-max, 64 KiB by default).")),
    UNSUPPORTED_MEDIA_TYPE(new Spec("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
            "The body is not application/json.")),
    OTHER_CLIENT_ERROR(new Spec("client-error", HttpStatus.BAD_REQUEST, "Request refused",
            "A refusal of the HTTP container itself, with the status it chose (e.g. 408, 414, 431): the request "
                    + "as sent cannot be served.")),
    IDENTITY_PROVIDER_UNAVAILABLE(new Spec("identity-provider-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
            "Identity provider unavailable",
            "The token's issuer could not be asked (its keys, or whether the token is still valid): retry after "
                    + "Retry-After. Never a reason to let the request in.")),
    UNAVAILABLE(new Spec("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
            "A dependency is unavailable for a while: retry after Retry-After.")),
    INTERNAL_ERROR(new Spec("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
            "A failure of the app (a defect: please report it); its log has the details, the body none. Nothing "
                    + "the request asked for was committed unless its status says so."));

    private static final Map<HttpStatus, CommonProblem> BY_STATUS = Arrays.stream(values())
            .filter(problem -> problem != OTHER_CLIENT_ERROR && problem != IDENTITY_PROVIDER_UNAVAILABLE)
            .collect(Collectors.toUnmodifiableMap(CommonProblem::status, Function.identity()));

    private final Spec spec;

    CommonProblem(Spec spec) {
        this.spec = spec;
    }

    /** The type of a problem that was raised with a status alone (by the framework or the container). */
    public static CommonProblem forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        CommonProblem problem = known == null ? null : BY_STATUS.get(known);
        if (problem != null) {
            return problem;
        }
        return status >= 500 ? INTERNAL_ERROR : OTHER_CLIENT_ERROR;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
