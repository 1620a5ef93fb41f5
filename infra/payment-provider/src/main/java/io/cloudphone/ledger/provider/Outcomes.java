package io.cloudphone.ledger.provider;

/** The checks every refusal and every unknown outcome shares: each says why, never blank. */
final class Outcomes {

    private Outcomes() {
    }

    static String requireCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a refusal carries the provider's code");
        }
        return code;
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an unknown outcome carries its reason (time-out, connection, 5xx)");
        }
        return reason;
    }
}
