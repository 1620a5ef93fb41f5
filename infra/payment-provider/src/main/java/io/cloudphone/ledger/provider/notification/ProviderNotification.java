package io.cloudphone.ledger.provider.notification;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cloudphone.ledger.provider.Amounts;
import io.cloudphone.ledger.provider.ChargeState;
import io.cloudphone.ledger.provider.MerchantNumbers;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.RefundState;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The normalized body of a provider's notification, the same for every provider: what the simulator posts and what
 * a receiver reads once the signature is verified. Each provider's adapter maps its own body (WeChat's decrypted
 * resource, Alipay's form, Stripe's event) onto it.
 *
 * <p>A notification is a hint, not a command: delivered at least once, in any order, perhaps never. A receiver
 * dedupes on {@code notificationId}, which stays the same across the resends of one notification (Alipay's
 * {@code notify_id}, Stripe's event id), and re-reads the charge or refund from the provider when order matters.
 *
 * @param notificationId   1 to 64 characters of {@code [A-Za-z0-9_-]}
 * @param merchantRefundNo the refund's number for a REFUND; null for a PAYMENT
 * @param status           a {@link ChargeState} name for a PAYMENT, a {@link RefundState} name for a REFUND
 * @param amountMinor      the charge's amount for a PAYMENT, the refund's for a REFUND
 * @param occurredAt       when the charge or refund reached {@code status} at the provider (not when this was sent)
 */
@JsonPropertyOrder({"notificationId", "provider", "kind", "merchantOrderNo", "merchantRefundNo", "status",
        "amountMinor", "currency", "occurredAt"})
public record ProviderNotification(String notificationId, ProviderName provider, NotificationKind kind,
                                   String merchantOrderNo, String merchantRefundNo, String status, long amountMinor,
                                   String currency, Instant occurredAt) {

    private static final Pattern NOTIFICATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ProviderNotification {
        if (notificationId == null || !NOTIFICATION_ID.matcher(notificationId).matches()) {
            throw new IllegalArgumentException("notificationId must be 1 to 64 characters of [A-Za-z0-9_-]");
        }
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        MerchantNumbers.requireValid(merchantOrderNo, "merchantOrderNo");
        switch (kind) {
            case PAYMENT -> {
                if (merchantRefundNo != null) {
                    throw new IllegalArgumentException("a PAYMENT notification has no merchantRefundNo");
                }
                requireName(ChargeState.class, status);
            }
            case REFUND -> {
                MerchantNumbers.requireValid(merchantRefundNo, "merchantRefundNo");
                requireName(RefundState.class, status);
            }
        }
        Amounts.requirePositive(amountMinor, "amountMinor");
        Amounts.requireCurrency(currency);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static ProviderNotification payment(String notificationId, ProviderName provider, String merchantOrderNo,
                                               ChargeState state, long amountMinor, String currency,
                                               Instant occurredAt) {
        return new ProviderNotification(notificationId, provider, NotificationKind.PAYMENT, merchantOrderNo, null,
                state.name(), amountMinor, currency, occurredAt);
    }

    public static ProviderNotification refund(String notificationId, ProviderName provider, String merchantOrderNo,
                                              String merchantRefundNo, RefundState state, long amountMinor,
                                              String currency, Instant occurredAt) {
        return new ProviderNotification(notificationId, provider, NotificationKind.REFUND, merchantOrderNo,
                merchantRefundNo, state.name(), amountMinor, currency, occurredAt);
    }

    /** The charge's state; IllegalStateException for a REFUND. */
    @JsonIgnore
    public ChargeState chargeState() {
        if (kind != NotificationKind.PAYMENT) {
            throw new IllegalStateException("a " + kind + " notification has no charge state");
        }
        return ChargeState.valueOf(status);
    }

    /** The refund's state; IllegalStateException for a PAYMENT. */
    @JsonIgnore
    public RefundState refundState() {
        if (kind != NotificationKind.REFUND) {
            throw new IllegalStateException("a " + kind + " notification has no refund state");
        }
        return RefundState.valueOf(status);
    }

    private static <E extends Enum<E>> void requireName(Class<E> states, String status) {
        if (status == null || Arrays.stream(states.getEnumConstants()).noneMatch(state -> state.name().equals(status))) {
            throw new IllegalArgumentException("status must be one of " + Arrays.toString(states.getEnumConstants())
                    + ", was " + (status == null ? "null" : "'" + status.substring(0, Math.min(status.length(), 32)) + "'"));
        }
    }
}
