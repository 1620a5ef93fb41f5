package io.cloudphone.ledger.api.order;

import io.cloudphone.ledger.api.outbox.OutboxDestinations;
import io.cloudphone.ledger.api.outbox.OutboxEvent;
import io.cloudphone.ledger.api.outbox.OutboxWriter;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.schemas.payment.PaymentCommand;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The one way an order or invoice command is written: its idempotency record, its rows and its outbox events
 * (topic cpl.outbox.payment, keyed by the order id), in ONE transaction. A key used before answers the first request,
 * whose rows and events exist already; the same key with another body is 409. Payloads are serialized before the
 * transaction opens, so a slow registry never holds a database connection.
 */
@Component
class OrderWrites {

    /** A recorded command: the first request's answer when the Idempotency-Key was used before. */
    record Submitted(UUID requestId, String orderId, String resourceId, boolean replayed) {
    }

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_RANDOM_LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrderRepository orders;
    private final OutboxWriter outbox;
    private final OutboxDestinations destinations;
    private final TransactionRunner transactions;

    OrderWrites(OrderRepository orders, OutboxWriter outbox, OutboxDestinations destinations,
                TransactionRunner transactions) {
        this.orders = orders;
        this.outbox = outbox;
        this.destinations = destinations;
        this.transactions = transactions;
    }

    Submitted write(String name, CurrentUser actor, String key, String fingerprint, String orderId,
                    String resourceId, Object command, Instant now, Consumer<UUID> rows) {
        return write(name, actor, key, fingerprint, orderId, resourceId, List.of(command), now, rows);
    }

    /** Several events of one request, in order: each has its own event id, the first the request's. */
    Submitted write(String name, CurrentUser actor, String key, String fingerprint, String orderId,
                    String resourceId, List<Object> commands, Instant now, Consumer<UUID> rows) {
        UUID requestId = UUID.randomUUID();
        List<OutboxEvent> events = events(actor, orderId, requestId, commands, now);
        return transactions.inTransaction(name, status -> {
            if (key != null && !orders.insertRequest(requestId, actor.userId(), key, fingerprint, orderId,
                    resourceId)) {
                return replay(actor, key, fingerprint);
            }
            rows.accept(requestId);
            outbox.appendAll(events);
            return new Submitted(requestId, orderId, resourceId, false);
        });
    }

    /**
     * Like {@link #write}, for a request whose events depend on what the transaction reads (an invoice's number):
     * {@code rows} writes the rows and answers the commands, which are serialized inside the transaction. The
     * registry is asked for a schema's id once per process, so only a first use can wait on it there.
     */
    Submitted writeWithin(String name, CurrentUser actor, String key, String fingerprint, String orderId,
                          String resourceId, Instant now, java.util.function.Function<UUID, List<Object>> rows) {
        UUID requestId = UUID.randomUUID();
        return transactions.inTransaction(name, status -> {
            if (key != null && !orders.insertRequest(requestId, actor.userId(), key, fingerprint, orderId,
                    resourceId)) {
                return replay(actor, key, fingerprint);
            }
            List<Object> commands = rows.apply(requestId);
            outbox.appendAll(events(actor, orderId, requestId, commands, now));
            return new Submitted(requestId, orderId, resourceId, false);
        });
    }

    private Submitted replay(CurrentUser actor, String key, String fingerprint) {
        OrderRepository.StoredRequest first = orders.requestByKey(actor.userId(), key).orElseThrow(
                () -> new IllegalStateException("idempotency key " + key + " conflicted but is not stored"));
        if (!first.fingerprint().equals(fingerprint)) {
            throw new ApiProblem(CommandApiProblem.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + key
                    + " was used for a different request");
        }
        return new Submitted(first.requestId(), first.orderId(), first.resourceId(), true);
    }

    private List<OutboxEvent> events(CurrentUser actor, String orderId, UUID requestId, List<Object> commands,
                                     Instant now) {
        List<OutboxEvent> events = new ArrayList<>(commands.size());
        for (int index = 0; index < commands.size(); index++) {
            UUID eventId = index == 0 ? requestId : UUID.randomUUID();
            Object command = commands.get(index);
            PaymentCommand event = PaymentCommand.newBuilder().setEventId(eventId.toString()).setOrderId(orderId)
                    .setOccurredAt(now).setActorId(actor.userId().toString()).setCommand(command).build();
            events.add(new OutboxEvent(eventId, destinations.payment(), orderId, command.getClass().getSimpleName(),
                    destinations.payment().payload(event)));
        }
        return events;
    }

    /** A merchant number: the prefix and 24 random base-36 characters (28 of the 32 providers allow). */
    static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < ID_RANDOM_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
