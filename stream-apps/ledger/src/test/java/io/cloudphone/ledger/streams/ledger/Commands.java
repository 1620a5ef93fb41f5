package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.Adjust;
import io.cloudphone.ledger.schemas.account.CaptureHold;
import io.cloudphone.ledger.schemas.account.Consume;
import io.cloudphone.ledger.schemas.account.OpenAccount;
import io.cloudphone.ledger.schemas.account.PlaceHold;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.schemas.account.ReleaseHold;
import io.cloudphone.ledger.schemas.account.SetOverdraftLimit;
import io.cloudphone.ledger.schemas.account.TransferOut;
import java.time.Instant;

/** Account commands for tests, as command-api would write them. */
final class Commands {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private Commands() {
    }

    static AccountCommand command(String requestId, String accountId, Object body) {
        return commandAt(requestId, accountId, T0, body);
    }

    /** As command-api made it at {@code occurredAt}. */
    static AccountCommand commandAt(String requestId, String accountId, Instant occurredAt, Object body) {
        return AccountCommand.newBuilder().setRequestId(requestId).setAccountId(accountId).setOccurredAt(occurredAt)
                .setCommand(body).build();
    }

    static OpenAccount open(String currency) {
        return OpenAccount.newBuilder().setCurrency(currency).build();
    }

    static Recharge recharge(long amount, String currency) {
        return Recharge.newBuilder().setAmountMinor(amount).setCurrency(currency).build();
    }

    static Consume consume(long amount, String currency) {
        return Consume.newBuilder().setAmountMinor(amount).setCurrency(currency).build();
    }

    static PlaceHold hold(String holdId, long amount, String currency, Instant expiresAt) {
        return PlaceHold.newBuilder().setHoldId(holdId).setAmountMinor(amount).setCurrency(currency)
                .setExpiresAt(expiresAt).build();
    }

    static CaptureHold capture(String holdId, Long amount) {
        return CaptureHold.newBuilder().setHoldId(holdId).setAmountMinor(amount).build();
    }

    static ReleaseHold release(String holdId) {
        return ReleaseHold.newBuilder().setHoldId(holdId).build();
    }

    static Adjust adjust(long amount, String currency, String reason) {
        return Adjust.newBuilder().setAmountMinor(amount).setCurrency(currency).setReason(reason)
                .setOperatorId("operator-1").build();
    }

    static TransferOut transfer(String transferId, String toAccountId, long amount, String currency) {
        return TransferOut.newBuilder().setTransferId(transferId).setToAccountId(toAccountId).setAmountMinor(amount)
                .setCurrency(currency).build();
    }

    static SetOverdraftLimit overdraft(long limit) {
        return SetOverdraftLimit.newBuilder().setLimitMinor(limit).build();
    }
}
