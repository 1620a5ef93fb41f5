package io.cloudphone.ledger.api.user;

import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.platform.openapi.Access;
import io.cloudphone.ledger.platform.paging.Page;
import io.cloudphone.ledger.platform.paging.PageRequest;
import io.cloudphone.ledger.platform.security.Permissions;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's event stream: read by the user or a {@code user:admin}; appended to by a {@code user:admin}
 * with an expected version (optimistic concurrency: a stale version is 409 and nothing of the batch lands).
 */
@RestController
class UserEventController {

    static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");

    private final UserCommands users;
    private final UserEventStore store;
    private final TransactionRunner transactions;
    private final JsonMapper json;

    UserEventController(UserCommands users, UserEventStore store, TransactionRunner transactions, JsonMapper json) {
        this.users = users;
        this.store = store;
        this.transactions = transactions;
        this.json = json;
    }

    record AppendBody(Long expectedVersion, List<EventBody> events) {
    }

    record EventBody(String type, Map<String, Object> data) {
    }

    record Appended(UUID userId, long version) {
    }

    @Access("the user themself, or user:admin (anyone else gets 404)")
    @GetMapping("/v1/users/{userId}/events")
    Page<UserEventStore.StoredEvent> history(CurrentUser actor, @PathVariable UUID userId,
                                             @RequestParam(required = false) Integer limit,
                                             @RequestParam(required = false) String after) {
        PageRequest page = PageRequest.of(limit, after, 1);
        users.visibleUser(actor, userId);
        return store.history(userId, page);
    }

    @Access("user:admin; the system's own event types are refused for everyone")
    @ApiResponse(responseCode = "201", description = "Appended: the user's new version")
    @PostMapping("/v1/users/{userId}/events")
    ResponseEntity<Appended> append(CurrentUser actor, @PathVariable UUID userId, @RequestBody AppendBody body) {
        if (!actor.can(Permissions.USER_ADMIN)) {
            throw ApiProblem.forbidden("appending events needs " + Permissions.USER_ADMIN);
        }
        if (body.expectedVersion() == null || body.expectedVersion() < 1
                || body.expectedVersion() > UserEventStore.VERSION_MAX) {
            throw ApiProblem.invalid("expectedVersion is required: the version you last read (1 to "
                    + UserEventStore.VERSION_MAX + ")");
        }
        List<PendingUserEvent> events = pending(body.events());
        long version = transactions.inTransaction("user-events-append", status -> {
            users.visibleUser(actor, userId);
            return store.append(userId, body.expectedVersion(), events);
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(new Appended(userId, version));
    }

    private List<PendingUserEvent> pending(List<EventBody> events) {
        if (events == null || events.isEmpty() || events.size() > UserEventStore.BATCH_EVENTS_MAX) {
            throw ApiProblem.invalid("events must hold 1 to " + UserEventStore.BATCH_EVENTS_MAX + " events");
        }
        List<PendingUserEvent> pending = new ArrayList<>(events.size());
        for (EventBody event : events) {
            if (event == null || event.type() == null || !EVENT_TYPE.matcher(event.type()).matches()) {
                throw ApiProblem.invalid("an event type is 1 to 64 letters and digits starting with a capital");
            }
            if (PendingUserEvent.SYSTEM_TYPES.contains(event.type())) {
                throw ApiProblem.invalid("event type " + event.type() + " is written by the system only");
            }
            Map<String, Object> data = event.data() == null ? Map.of() : event.data();
            pending.add(PendingUserEvent.appended(event.type(), data, json.writeValueAsString(data)));
        }
        return pending;
    }
}
