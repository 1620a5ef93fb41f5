package io.cloudphone.ledger.provider.signature;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Key pairs made once per test run (RSA generation takes a while) and a fixed clock to sign and verify at. */
final class TestKeys {

    static final KeyPair PROVIDER = PemKeys.generateRsa();
    static final KeyPair OTHER = PemKeys.generateRsa();
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final byte[] BODY = """
            {"notificationId":"n-1","provider":"WECHAT_PAY","kind":"PAYMENT","merchantOrderNo":"order-0001",\
            "merchantRefundNo":null,"status":"SUCCEEDED","amountMinor":1000,"currency":"CNY",\
            "occurredAt":"2026-03-01T11:59:58Z"}""".getBytes(StandardCharsets.UTF_8);

    private TestKeys() {
    }

    static byte[] changed(byte[] body) {
        byte[] copy = body.clone();
        int at = new String(copy, StandardCharsets.UTF_8).indexOf("1000");
        copy[at] = '9';
        return copy;
    }
}
