package io.cloudphone.ledger.api.user;

import io.cloudphone.ledger.schemas.user.ExternalIdentityLinked;
import io.cloudphone.ledger.schemas.user.ExternalIdentityUnlinked;
import io.cloudphone.ledger.schemas.user.PasswordChanged;
import io.cloudphone.ledger.schemas.user.UserCreated;
import io.cloudphone.ledger.schemas.user.UserDeleted;
import io.cloudphone.ledger.schemas.user.UserEventAppended;
import io.cloudphone.ledger.schemas.user.UserLocked;
import io.cloudphone.ledger.schemas.user.UserReinstated;
import io.cloudphone.ledger.schemas.user.UserSuspended;
import io.cloudphone.ledger.schemas.user.UserUpdated;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An event about to be appended to a user's stream: its type, its data as stored in the event store (JSON),
 * and its body as published on cpl.outbox.user (one member of UserEvent's union). Never holds a password.
 */
public record PendingUserEvent(UUID eventId, String type, Map<String, Object> data, Object body) {

    /**
     * The types only the system writes, each named after its body: nobody may append one through the event API, or
     * a user's history could show a deletion or a password change that never happened.
     */
    static final Set<String> SYSTEM_TYPES = Stream.of(UserCreated.class, UserUpdated.class, PasswordChanged.class,
            UserDeleted.class, UserLocked.class, ExternalIdentityLinked.class, ExternalIdentityUnlinked.class,
            UserSuspended.class, UserReinstated.class)
            .map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet());

    public PendingUserEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        Objects.requireNonNull(body, "body");
    }

    static PendingUserEvent created(String username, String email, String displayName, List<String> roles) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("username", username);
        data.put("email", email);
        data.put("displayName", displayName);
        data.put("roles", roles);
        return of("UserCreated", data, UserCreated.newBuilder().setUsername(username).setEmail(email)
                .setDisplayName(displayName).setRoles(roles).build());
    }

    static PendingUserEvent updated(String email, String displayName, List<String> roles) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("email", email);
        data.put("displayName", displayName);
        data.put("roles", roles);
        return of("UserUpdated", data, UserUpdated.newBuilder().setEmail(email).setDisplayName(displayName)
                .setRoles(roles).build());
    }

    static PendingUserEvent passwordChanged() {
        return of("PasswordChanged", Map.of(), PasswordChanged.newBuilder().build());
    }

    static PendingUserEvent deleted() {
        return of("UserDeleted", Map.of(), UserDeleted.newBuilder().build());
    }

    static PendingUserEvent suspended(String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reason", reason);
        return of("UserSuspended", data, UserSuspended.newBuilder().setReason(reason).build());
    }

    static PendingUserEvent reinstated() {
        return of("UserReinstated", Map.of(), UserReinstated.newBuilder().build());
    }

    public static PendingUserEvent locked(Instant lockedUntil, long failedAttempts) {
        return of("UserLocked", Map.of("lockedUntil", lockedUntil.toString(), "failedAttempts", failedAttempts),
                UserLocked.newBuilder().setLockedUntil(lockedUntil).setFailedAttempts(failedAttempts).build());
    }

    static PendingUserEvent appended(String type, Map<String, Object> data, String dataJson) {
        return of(type, data, UserEventAppended.newBuilder().setType(type).setDataJson(dataJson).build());
    }

    static PendingUserEvent externalIdentityLinked(String issuer, String subject) {
        return of("ExternalIdentityLinked", Map.of("issuer", issuer, "subject", subject),
                ExternalIdentityLinked.newBuilder().setIssuer(issuer).setSubject(subject).build());
    }

    static PendingUserEvent externalIdentityUnlinked(String issuer, String subject) {
        return of("ExternalIdentityUnlinked", Map.of("issuer", issuer, "subject", subject),
                ExternalIdentityUnlinked.newBuilder().setIssuer(issuer).setSubject(subject).build());
    }

    private static PendingUserEvent of(String type, Map<String, Object> data, Object body) {
        return new PendingUserEvent(UUID.randomUUID(), type, data, body);
    }
}
