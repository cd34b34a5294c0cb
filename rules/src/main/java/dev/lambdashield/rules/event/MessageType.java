package dev.lambdashield.rules.event;

import java.util.Optional;

/** The {@code messageType} values of AWS Config invoking events that a custom rule receives. */
public enum MessageType {
    CONFIGURATION_ITEM_CHANGE("ConfigurationItemChangeNotification"),
    OVERSIZED_CONFIGURATION_ITEM_CHANGE("OversizedConfigurationItemChangeNotification"),
    SCHEDULED("ScheduledNotification");

    private final String wireName;

    MessageType(String wireName) {
        this.wireName = wireName;
    }

    /** The name as it appears in the event. */
    public String wireName() {
        return wireName;
    }

    public static Optional<MessageType> fromWireName(String name) {
        for (MessageType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
