package io.cloudphone.ledger.provider.notification;

/** What a notification is about: a charge (its status is a ChargeState) or a refund (a RefundState). */
public enum NotificationKind {
    PAYMENT,
    REFUND
}
