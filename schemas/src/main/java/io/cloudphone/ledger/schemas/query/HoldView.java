package io.cloudphone.ledger.schemas.query;

import io.cloudphone.ledger.schemas.ledger.Hold;
import java.time.Instant;

/** A hold as the ledger keeps it: OPEN, then CAPTURED, RELEASED or EXPIRED. */
public record HoldView(String holdId, String accountId, long amount, String currency, String status, long captured,
                       Instant expiresAt, String placedBy, String closedBy, Instant updatedAt) {

    public static HoldView of(Hold hold) {
        return new HoldView(hold.getHoldId(), hold.getAccountId(), hold.getAmountMinor(), hold.getCurrency(),
                hold.getStatus().name(), hold.getCapturedMinor(), hold.getExpiresAt(), hold.getPlacedBy(),
                hold.getClosedBy(), hold.getUpdatedAt());
    }
}
