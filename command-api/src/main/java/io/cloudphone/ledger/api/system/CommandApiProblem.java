package io.cloudphone.ledger.api.system;

import io.cloudphone.ledger.platform.web.ProblemType;
import org.springframework.http.HttpStatus;

/** The problems only command-api answers (the ones every app shares are the platform's {@code CommonProblem}). */
public enum CommandApiProblem implements ProblemType {
    IDEMPOTENCY_KEY_REQUIRED(new Spec("idempotency-key-required", HttpStatus.BAD_REQUEST, "Idempotency-Key required",
            "A command that changes money needs an Idempotency-Key header (1 to 128 characters, one header). "
                    + "Send it again under a key of your choosing, and reuse that key for every retry.")),
    IDEMPOTENCY_KEY_REUSED(new Spec("idempotency-key-reused", HttpStatus.CONFLICT, "Idempotency-Key reused",
            "The key was used before in its scope (the account; for orders and invoices, the user) for a different request (another kind, amount or field). "
                    + "A retry must repeat the request exactly; a new request needs a new key.")),
    ACCOUNT_ID_UNAVAILABLE(new Spec("account-id-unavailable", HttpStatus.CONFLICT, "Account id not available",
            "Account ids are one namespace for all users and this one is taken, by another user or by your own "
                    + "account in another currency (the answer does not say which). Choose another id.")),
    USERNAME_OR_EMAIL_UNAVAILABLE(new Spec("username-or-email-unavailable", HttpStatus.CONFLICT,
            "Username or email not available",
            "Another user has this username or this email (the answer does not say which).")),
    VERSION_CONFLICT(new Spec("version-conflict", HttpStatus.CONFLICT, "Version conflict",
            "The user's event stream is no longer at the expectedVersion sent: read it again, then append.")),
    ROLE_EXISTS(new Spec("role-exists", HttpStatus.CONFLICT, "Role exists", "A role with this name exists.")),
    IDENTITY_LINK_CONFLICT(new Spec("identity-link-conflict", HttpStatus.CONFLICT, "Identity linked elsewhere",
            "The user is linked to another subject at the provider, or the subject to another user: unlink first.")),
    EXTERNAL_ISSUER_NOT_CONFIGURED(new Spec("external-issuer-not-configured", HttpStatus.CONFLICT,
            "No external issuer", "Linking identities needs an external issuer (cpl.security.external-issuer.issuer).")),
    WRONG_CURRENT_PASSWORD(new Spec("wrong-current-password", HttpStatus.FORBIDDEN, "Wrong password",
            "A password change needs the current password, and the one sent is not it.")),
    LOGIN_FAILED(new Spec("login-failed", HttpStatus.UNAUTHORIZED, "Log-in failed",
            "Unknown username, wrong password, or an account locked after failed log-ins: one answer for all "
                    + "three, so that it tells nobody which usernames exist.")),
    LOGIN_THROTTLED(new Spec("login-throttled", HttpStatus.TOO_MANY_REQUESTS, "Too many failed log-ins",
            "This client made too many failed log-ins lately: wait Retry-After seconds.")),
    BUSY(new Spec("busy", HttpStatus.SERVICE_UNAVAILABLE, "Busy",
            "Too many commands are waiting to be written: retry after Retry-After with the same Idempotency-Key.")),
    NOT_WRITTEN_IN_TIME(new Spec("not-written-in-time", HttpStatus.SERVICE_UNAVAILABLE, "Not written in time",
            "The command was not committed within its bound; it may still be. Retry with the same Idempotency-Key: "
                    + "the answer is the first request's if it was written, and it is written once either way.")),
    PAYMENTS_UNAVAILABLE(new Spec("payments-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Payments not queryable yet",
            "The payments app cannot answer now (starting, rebalancing, unreachable); retry after the Retry-After seconds.")),
    ORDER_HAS_A_PAYMENT(new Spec("order-has-a-payment", HttpStatus.CONFLICT, "Order already has a payment",
            "An order has one payment, so that a customer can never pay twice; a retry reuses the same Idempotency-Key.")),
    NOT_REFUNDABLE(new Spec("not-refundable", HttpStatus.CONFLICT, "More than the order",
            "The refund asks for more than the order's amount.")),
    WEBHOOK_SIGNATURE_INVALID(new Spec("webhook-signature-invalid", HttpStatus.UNAUTHORIZED, "Signature does not verify",
            "The notification's signature does not verify with the provider's key, or its timestamp is too old.")),
    LEDGER_UNAVAILABLE(new Spec("ledger-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Ledger not queryable yet",
            "The ledger's queries cannot be answered now (starting, rebalancing): retry after Retry-After."));

    private final Spec spec;

    CommandApiProblem(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
