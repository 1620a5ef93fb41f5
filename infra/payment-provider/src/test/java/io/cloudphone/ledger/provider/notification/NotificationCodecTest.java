package io.cloudphone.ledger.provider.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudphone.ledger.provider.ChargeState;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.RefundState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationCodecTest {

    private static final Instant AT = Instant.parse("2026-03-01T11:59:58.123Z");

    @Test
    void writesThePaymentNotificationInItsDocumentedShape() {
        ProviderNotification paid = ProviderNotification.payment("ntf-1", ProviderName.WECHAT_PAY, "order-0001",
                ChargeState.SUCCEEDED, 1000, "CNY", AT);

        assertThat(new String(NotificationCodec.write(paid), StandardCharsets.UTF_8)).isEqualTo(
                "{\"notificationId\":\"ntf-1\",\"provider\":\"WECHAT_PAY\",\"kind\":\"PAYMENT\","
                        + "\"merchantOrderNo\":\"order-0001\",\"merchantRefundNo\":null,\"status\":\"SUCCEEDED\","
                        + "\"amountMinor\":1000,\"currency\":\"CNY\",\"occurredAt\":\"2026-03-01T11:59:58.123Z\"}");
    }

    @Test
    void readsBackWhatItWrote() {
        ProviderNotification refunded = ProviderNotification.refund("ntf-2", ProviderName.STRIPE, "order-0001",
                "refund-0001", RefundState.ABNORMAL, 400, "USD", AT);

        ProviderNotification read = NotificationCodec.read(NotificationCodec.write(refunded));

        assertThat(read).isEqualTo(refunded);
        assertThat(read.refundState()).isEqualTo(RefundState.ABNORMAL);
        assertThatThrownBy(read::chargeState).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String body = "{\"notificationId\":\"ntf-1\",\"provider\":\"ALIPAY\",\"kind\":\"PAYMENT\","
                + "\"merchantOrderNo\":\"order-0001\",\"status\":\"SUCCEEDED\",\"amountMinor\":1,"
                + "\"currency\":\"CNY\",\"occurredAt\":\"2026-03-01T11:59:58Z\",\"newField\":{\"x\":1}}";

        assertThat(NotificationCodec.read(bytes(body)).merchantRefundNo()).isNull();
    }

    @Test
    void refusesWhatANotificationCannotBe() {
        String valid = "{\"notificationId\":\"ntf-1\",\"provider\":\"ALIPAY\",\"kind\":\"PAYMENT\","
                + "\"merchantOrderNo\":\"order-0001\",\"merchantRefundNo\":null,\"status\":\"SUCCEEDED\","
                + "\"amountMinor\":100,\"currency\":\"CNY\",\"occurredAt\":\"2026-03-01T11:59:58Z\"}";
        assertThat(NotificationCodec.read(bytes(valid)).amountMinor()).isEqualTo(100);

        for (String invalid : new String[] {
                "",
                "not json",
                valid + "{}",
                valid.replace("\"amountMinor\":100", "\"amountMinor\":\"100\""),
                valid.replace("\"amountMinor\":100", "\"amountMinor\":100,\"amountMinor\":1"),
                valid.replace("\"amountMinor\":100", "\"amountMinor\":1.5"),
                valid.replace(",\"amountMinor\":100", ""),
                valid.replace("\"merchantRefundNo\":null", "\"merchantRefundNo\":\"refund-0001\""),
                valid.replace("\"kind\":\"PAYMENT\"", "\"kind\":\"REFUND\""),
                valid.replace("SUCCEEDED", "PROCESSING"),
                valid.replace("ALIPAY", "PAYPAL"),
                valid.replace("order-0001", "order 0001"),
                valid.replace("\"ntf-1\"", "\"\""),
                valid.replace("\"occurredAt\":\"2026-03-01T11:59:58Z\"", "\"occurredAt\":null")}) {
            assertThatThrownBy(() -> NotificationCodec.read(bytes(invalid))).as(invalid)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a notification: ");
        }
    }

    @Test
    void refusesABodyFarLargerThanANotification() {
        byte[] large = new byte[NotificationCodec.BODY_BYTES_MAX + 1];

        assertThatThrownBy(() -> NotificationCodec.read(large)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
