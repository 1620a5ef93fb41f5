package io.cloudphone.ledger.provider.signature;

import io.cloudphone.ledger.provider.ProviderName;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One provider's notification signature scheme. The provider (here: the simulator) signs each delivery of a body,
 * with a fresh timestamp every time it resends; the receiver verifies the headers against the raw body bytes, before
 * parsing them.
 */
public interface NotificationSignature {

    ProviderName provider();

    /**
     * The headers to send with {@code body}, signed as of {@code at}.
     *
     * @throws IllegalStateException when this instance holds only verifying keys
     */
    Map<String, String> sign(byte[] body, Instant at);

    /** Verified, or refused with the reason; never throws for anything in the headers or the body. */
    SignatureVerdict verify(Map<String, List<String>> headers, byte[] body);
}
