package io.cloudphone.ledger.launcher.component;

import java.util.List;

/**
 * Every component of the local stack, in start order; they stop apps first, then the stack in reverse. Adding one
 * (a simulator, another stream app) is its class, or an {@link App}, plus one line here.
 */
public final class Components {

    public static final List<Component> ALL = List.of(
            new Postgres(),
            new Kafka(),
            new Registry(),
            new S3Proxy(),
            new Connect(),
            new App("ledger", "stream-apps/ledger", "CPL_LEDGER_PORT", "CPL_LEDGER_STATE_DIR"),
            new App("payments", "stream-apps/payments", "CPL_PAYMENTS_PORT", "CPL_PAYMENTS_STATE_DIR"),
            new App("command-api", "command-api", "CPL_API_PORT", null),
            // A simulator, not a provider: it stands in for WeChat Pay, Alipay and Stripe, and keeps the book the
            // tests read as the outside witness.
            new App("payment-provider-simulator", "infra/payment-provider-simulator", "CPL_PAYMENT_SIM_PORT", null),
            new App("payment-gateway", "stream-apps/payment-gateway", "CPL_GATEWAY_PORT", null));

    private Components() {
    }
}
