package io.cloudphone.ledger.streams.payments.query;

import java.time.Instant;

/** One aggregate of the stuck view: not final, in its state for {@code ageSeconds}, and what happens next, when. */
public record StuckItem(String orderId, String aggregate, String aggregateId, String state, Instant since,
                        long ageSeconds, Instant deadlineAt, String nextAction, int attempts) {
}
