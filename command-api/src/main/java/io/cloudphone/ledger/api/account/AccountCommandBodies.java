package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.schemas.account.Adjust;
import io.cloudphone.ledger.schemas.account.CaptureHold;
import io.cloudphone.ledger.schemas.account.Consume;
import io.cloudphone.ledger.schemas.account.OpenAccount;
import io.cloudphone.ledger.schemas.account.PlaceHold;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.schemas.account.ReleaseHold;
import io.cloudphone.ledger.schemas.account.SetOverdraftLimit;
import io.cloudphone.ledger.schemas.account.TransferOut;

/** The one place where a stored request becomes the command the ledger reads (AccountCommand's union). */
final class AccountCommandBodies {

    private AccountCommandBodies() {
    }

    static Object of(AccountRequest request) {
        return switch (request) {
            case AccountRequest.Open open -> OpenAccount.newBuilder().setCurrency(open.currency()).build();
            case AccountRequest.Recharge recharge -> Recharge.newBuilder().setAmountMinor(recharge.amountMinor())
                    .setCurrency(recharge.currency()).build();
            case AccountRequest.Consume consume -> Consume.newBuilder().setAmountMinor(consume.amountMinor())
                    .setCurrency(consume.currency()).build();
            case AccountRequest.PlaceHold hold -> PlaceHold.newBuilder().setHoldId(hold.holdId().toString())
                    .setAmountMinor(hold.amountMinor()).setCurrency(hold.currency())
                    .setExpiresAt(hold.expiresAt().orElse(null)).build();
            case AccountRequest.CaptureHold capture -> CaptureHold.newBuilder().setHoldId(capture.holdId().toString())
                    .setAmountMinor(capture.amountMinor().isPresent() ? capture.amountMinor().getAsLong() : null)
                    .build();
            case AccountRequest.ReleaseHold release -> ReleaseHold.newBuilder().setHoldId(release.holdId().toString())
                    .build();
            case AccountRequest.Adjust adjust -> Adjust.newBuilder().setAmountMinor(adjust.amountMinor())
                    .setCurrency(adjust.currency()).setReason(adjust.reason())
                    .setOperatorId(String.valueOf(adjust.actorId())).build();
            case AccountRequest.Transfer transfer -> TransferOut.newBuilder()
                    .setTransferId(transfer.requestId().toString()).setToAccountId(transfer.toAccountId())
                    .setAmountMinor(transfer.amountMinor()).setCurrency(transfer.currency()).build();
            case AccountRequest.SetOverdraftLimit limit -> SetOverdraftLimit.newBuilder()
                    .setLimitMinor(limit.limitMinor()).build();
        };
    }

    /** The event type in the outbox row (and the Kafka header eventType). */
    static String eventType(Object body) {
        return body.getClass().getSimpleName();
    }
}
