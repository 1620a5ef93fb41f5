package io.cloudphone.ledger.provider.signature;

/** Inside a verification: the first thing found wrong, turned into {@link SignatureVerdict.Refused} at its end. */
final class Refusal extends RuntimeException {

    Refusal(String reason) {
        super(reason, null, false, false);
    }

    SignatureVerdict.Refused verdict() {
        return new SignatureVerdict.Refused(getMessage());
    }
}
