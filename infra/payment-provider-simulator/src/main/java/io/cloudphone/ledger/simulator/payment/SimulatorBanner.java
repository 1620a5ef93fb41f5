package io.cloudphone.ledger.simulator.payment;

import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.simulator.payment.notification.NotificationDeliveries;
import io.cloudphone.ledger.simulator.payment.notification.SimulatorKeys;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start, unmissably, that this is a simulator, where it listens, where it notifies, and with which keys. */
@Component
class SimulatorBanner {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorBanner.class);
    private static final String RULE = "=".repeat(100);

    private final SimulatorSettings settings;
    private final SimulatorKeys keys;
    private final NotificationDeliveries deliveries;

    SimulatorBanner(SimulatorSettings settings, SimulatorKeys keys, NotificationDeliveries deliveries) {
        this.settings = settings;
        this.keys = keys;
        this.deliveries = deliveries;
    }

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        List<String> lines = new ArrayList<>();
        lines.add(RULE);
        lines.add("  cpl-payment-provider-simulator: a SIMULATOR of WeChat Pay, Alipay and Stripe. NOT a payment provider.");
        lines.add("  It moves no money. Its book is in memory: a restart forgets every charge and refund.");
        lines.add("  Provider API: http://127.0.0.1:" + event.getWebServer().getPort() + "/{wechat-pay|alipay|stripe}/...;"
                + " control API: /control/...; what it is: GET /");
        for (ProviderName provider : ProviderName.values()) {
            lines.add("  Notifications of " + provider + " go to " + deliveries.webhookUrl(provider));
        }
        lines.add("  Time compression: " + settings.timeCompression() + " (provider delays divided by it)");
        SimulatorKeys.View view = keys.view();
        lines.add("  WeChat Pay key (" + view.wechatPay().source() + "), serial " + view.wechatPay().serial()
                + "; receivers: " + view.wechatPay().receiverVariable() + " = a file of its public half");
        lines.add("  Alipay key (" + view.alipay().source() + "), serial " + view.alipay().serial() + "; receivers: "
                + view.alipay().receiverVariable() + " = a file of its public half");
        lines.add("  Stripe secret (" + view.stripe().source() + "); receivers: " + view.stripe().receiverVariable());
        lines.add("  Public halves (and a generated Stripe secret): GET /control/keys");
        lines.add(RULE);
        lines.forEach(LOG::info);
    }
}
