package io.cloudphone.ledger.api.outbox;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.notification.NotificationPreferenceChanged;
import io.cloudphone.ledger.schemas.payment.PaymentCommand;
import io.cloudphone.ledger.schemas.user.RoleEvent;
import io.cloudphone.ledger.schemas.user.UserEvent;
import org.springframework.stereotype.Component;

/** The outbox destination of each aggregate command-api writes. */
@Component
public class OutboxDestinations {

    private final OutboxDestination<AccountCommand> account;
    private final OutboxDestination<UserEvent> user;
    private final OutboxDestination<RoleEvent> role;
    private final OutboxDestination<NotificationPreferenceChanged> notification;
    private final OutboxDestination<PaymentCommand> payment;

    public OutboxDestinations(Topics topics) {
        this.account = new OutboxDestination<>(Topics.ACCOUNT_AGGREGATE_TYPE, topics.accountCommandSerde());
        this.user = new OutboxDestination<>(Topics.USER_AGGREGATE_TYPE, topics.userEventSerde());
        this.role = new OutboxDestination<>(Topics.ROLE_AGGREGATE_TYPE, topics.roleEventSerde());
        this.notification = new OutboxDestination<>(Topics.NOTIFICATION_AGGREGATE_TYPE,
                topics.notificationPreferenceSerde());
        this.payment = new OutboxDestination<>(Topics.PAYMENT_AGGREGATE_TYPE, topics.paymentCommandSerde());
    }

    /** Orders, their payment, refunds and invoices, and providers' notifications: keyed by order id. */
    public OutboxDestination<PaymentCommand> payment() {
        return payment;
    }

    public OutboxDestination<AccountCommand> account() {
        return account;
    }

    public OutboxDestination<UserEvent> user() {
        return user;
    }

    public OutboxDestination<RoleEvent> role() {
        return role;
    }

    public OutboxDestination<NotificationPreferenceChanged> notification() {
        return notification;
    }
}
