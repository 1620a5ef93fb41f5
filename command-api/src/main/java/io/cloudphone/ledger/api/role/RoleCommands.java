package io.cloudphone.ledger.api.role;

import io.cloudphone.ledger.api.outbox.OutboxDestinations;
import io.cloudphone.ledger.api.outbox.OutboxWriter;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.api.system.ConstraintViolation;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.schemas.user.RoleChange;
import io.cloudphone.ledger.schemas.user.RoleEvent;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Creates and updates roles together with their permissions in ONE transaction each, with the role's
 * event in the outbox (the replaced platform loaded permissions, then saved the role, with nothing atomic).
 */
@Service
class RoleCommands {

    private final RoleRepository roles;
    private final OutboxWriter outbox;
    private final OutboxDestinations destinations;
    private final TransactionRunner transactions;
    private final Clock clock = Clock.systemUTC();

    RoleCommands(RoleRepository roles, OutboxWriter outbox, OutboxDestinations destinations, TransactionRunner transactions) {
        this.roles = roles;
        this.outbox = outbox;
        this.destinations = destinations;
        this.transactions = transactions;
    }

    Role create(String name, List<String> permissions) {
        UUID roleId = UUID.randomUUID();
        return transactions.inTransaction("role-create", status -> {
            try {
                roles.insert(roleId, name);
                roles.replacePermissions(roleId, permissions);
            } catch (DataIntegrityViolationException e) {
                throw refusal(e, name, permissions);
            }
            publish(new Role(roleId, name, 1, permissions), RoleChange.CREATED);
            return roles.find(name).orElseThrow();
        });
    }

    Role update(String name, List<String> permissions) {
        return transactions.inTransaction("role-update", status -> {
            Role bumped = roles.bumpVersion(name)
                    .orElseThrow(() -> ApiProblem.notFound("role " + name + " does not exist"));
            try {
                roles.replacePermissions(bumped.roleId(), permissions);
                roles.revokeTokensOfHolders(bumped.roleId());
            } catch (DataIntegrityViolationException e) {
                throw refusal(e, name, permissions);
            }
            publish(new Role(bumped.roleId(), name, bumped.version(), permissions), RoleChange.UPDATED);
            return roles.find(name).orElseThrow();
        });
    }

    private void publish(Role role, RoleChange change) {
        UUID eventId = UUID.randomUUID();
        RoleEvent event = RoleEvent.newBuilder()
                .setEventId(eventId.toString()).setRoleName(role.name()).setVersion(role.version())
                .setChange(change).setPermissions(role.permissions()).setOccurredAt(clock.instant())
                .build();
        outbox.append(destinations.role().event(eventId, role.name(),
                change == RoleChange.CREATED ? "RoleCreated" : "RoleUpdated", event));
    }

    private static RuntimeException refusal(DataIntegrityViolationException e, String name, List<String> permissions) {
        if (ConstraintViolation.isUnique(e, RoleRepository.NAME_UNIQUE)) {
            return new ApiProblem(CommandApiProblem.ROLE_EXISTS, "role " + name + " already exists");
        }
        if (ConstraintViolation.isForeignKey(e)) {
            return ApiProblem.invalid("unknown permission among " + permissions + " (GET /v1/permissions lists them)");
        }
        return e;
    }
}
