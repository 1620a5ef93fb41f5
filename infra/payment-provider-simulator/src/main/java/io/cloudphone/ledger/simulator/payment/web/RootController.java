package io.cloudphone.ledger.simulator.payment.web;

import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.simulator.SimulatorPaymentProvider;
import io.cloudphone.ledger.simulator.payment.SimulatorSettings;
import io.cloudphone.ledger.simulator.payment.notification.NotificationDeliveries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /: what this is (a simulator), and its APIs in one page. */
@RestController
class RootController {

    record About(String name, boolean simulator, String warning, Map<String, String> providers,
                 List<String> providerApi, List<String> controlApi, Map<String, String> notificationsTo,
                 double timeCompression, String documentation) {
    }

    private final About about;

    RootController(SimulatorSettings settings, NotificationDeliveries deliveries) {
        Map<String, String> providers = new LinkedHashMap<>();
        Map<String, String> webhooks = new LinkedHashMap<>();
        for (ProviderName provider : ProviderName.values()) {
            providers.put(provider.name(), "/" + provider.slug());
            webhooks.put(provider.name(), deliveries.webhookUrl(provider).toString());
        }
        this.about = new About(SimulatorPaymentProvider.SIMULATOR_HEADER_VALUE, true,
                "A SIMULATOR of WeChat Pay, Alipay and Stripe for local runs and tests, NOT a payment provider: it moves"
                        + " no money, and its book is in memory (a restart forgets it).",
                providers,
                List.of("POST /{slug}/charges {merchantOrderNo, amountMinor, currency, description}",
                        "GET /{slug}/charges/{merchantOrderNo}",
                        "POST /{slug}/charges/{merchantOrderNo}/close",
                        "POST /{slug}/refunds {merchantRefundNo, merchantOrderNo, amountMinor, currency, reason}",
                        "GET /{slug}/refunds/{merchantRefundNo}"),
                List.of("POST /control/charges/{merchantOrderNo}/pay",
                        "POST /control/charges/{merchantOrderNo}/fail",
                        "POST /control/charges/{merchantOrderNo}/pay-on-close",
                        "POST /control/refunds/{merchantRefundNo}/fail {status: CLOSED|ABNORMAL}",
                        "POST /control/refunds/{merchantRefundNo}/reverse",
                        "GET|PUT /control/faults {latencyMillis, failureRate, timeoutRate, timeoutHoldMillis,"
                                + " duplicateRate, reorder, reorderWindowMillis, seed}",
                        "GET /control/book?limit=", "GET /control/book/{merchantOrderNo}",
                        "GET /control/notifications?merchantOrderNo=&limit=", "GET /control/keys",
                        "POST /control/reset"),
                webhooks, settings.timeCompression(), "infra/payment-provider-simulator/README.md");
    }

    @GetMapping("/")
    About about() {
        return about;
    }
}
