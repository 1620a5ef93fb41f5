package io.cloudphone.ledger.api.notification;

import java.util.List;

/** What a user can be notified about, with the preference every new user starts with. */
public enum NotificationType {
    SECURITY(true, List.of(Channel.EMAIL)),
    BILLING(true, List.of(Channel.EMAIL, Channel.IN_APP)),
    DEVICE(true, List.of(Channel.IN_APP)),
    MARKETING(false, List.of());

    private final boolean enabledByDefault;
    private final List<Channel> defaultChannels;

    NotificationType(boolean enabledByDefault, List<Channel> defaultChannels) {
        this.enabledByDefault = enabledByDefault;
        this.defaultChannels = defaultChannels;
    }

    public boolean enabledByDefault() {
        return enabledByDefault;
    }

    public List<Channel> defaultChannels() {
        return defaultChannels;
    }

    /** Where a notification can be delivered. */
    public enum Channel {
        EMAIL, SMS, IN_APP, PUSH
    }
}
