package io.cloudphone.ledger.simulator.payment.notification;

import io.cloudphone.ledger.provider.notification.ProviderNotification;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One notification's deliveries, for GET /control/notifications; its own lock guards what changes. */
public final class DeliveryRecord {

    public enum State {
        /** Waiting for its next attempt. */
        SCHEDULED,
        /** A 2xx was received. */
        DELIVERED,
        /** The provider's schedule ran out without a 2xx. */
        GAVE_UP,
        /** Never attempted: too many notifications were pending. */
        DROPPED
    }

    /** @param answerStatus the receiver's HTTP status, or null when there was no answer (then {@code error}) */
    public record Attempt(Instant at, Integer answerStatus, String error, boolean duplicate) {
    }

    /** The JSON of a record. */
    public record View(ProviderNotification notification, URI url, State state, int attempts, Integer lastAnswerStatus,
                String lastError, boolean duplicatePlanned, boolean duplicateSent, Instant createdAt,
                Instant nextAttemptAt, Instant deliveredAt, List<Attempt> attemptLog) {
    }

    final ProviderNotification notification;
    final byte[] body;
    final URI url;
    final Instant createdAt;
    final boolean duplicatePlanned;
    private State state = State.SCHEDULED;
    private final List<Attempt> attempts = new ArrayList<>();
    private boolean duplicateSent;
    private Instant nextAttemptAt;
    private Instant deliveredAt;
    private String lastError;

    DeliveryRecord(ProviderNotification notification, byte[] body, URI url, Instant createdAt, boolean duplicatePlanned) {
        this.notification = notification;
        this.body = body;
        this.url = url;
        this.createdAt = createdAt;
        this.duplicatePlanned = duplicatePlanned;
    }

    synchronized void scheduled(Instant next) {
        nextAttemptAt = next;
    }

    /** Records an attempt; attempts are bounded by the longest schedule plus a duplicate. */
    synchronized void attempted(Attempt attempt) {
        attempts.add(attempt);
        nextAttemptAt = null;
        lastError = attempt.error();
        if (attempt.duplicate()) {
            duplicateSent = true;
        } else if (attempt.answerStatus() != null && attempt.answerStatus() / 100 == 2) {
            state = State.DELIVERED;
            deliveredAt = attempt.at();
        }
    }

    synchronized void gaveUp() {
        state = State.GAVE_UP;
    }

    synchronized void dropped(String reason) {
        state = State.DROPPED;
        lastError = reason;
    }

    synchronized View view() {
        Integer lastStatus = attempts.isEmpty() ? null : attempts.getLast().answerStatus();
        return new View(notification, url, state, attempts.size(), lastStatus, lastError, duplicatePlanned,
                duplicateSent, createdAt, nextAttemptAt, deliveredAt, List.copyOf(attempts));
    }
}
