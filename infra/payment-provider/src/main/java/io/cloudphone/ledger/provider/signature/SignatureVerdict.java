package io.cloudphone.ledger.provider.signature;

/** Whether a notification is the provider's own, unchanged and recent; a refusal says why, for the receiver's log. */
public sealed interface SignatureVerdict {

    record Verified() implements SignatureVerdict {
    }

    /** @param reason what was wrong (a missing or malformed header, a stale timestamp, a signature that does not match) */
    record Refused(String reason) implements SignatureVerdict {
        public Refused {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a refusal says why");
            }
        }
    }

    default boolean isVerified() {
        return this instanceof Verified;
    }

    static SignatureVerdict verified() {
        return new Verified();
    }
}
