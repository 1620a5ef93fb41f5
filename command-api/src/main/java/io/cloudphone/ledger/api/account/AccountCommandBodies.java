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
        return switch (request.kind()) {
            case OPEN -> OpenAccount.newBuilder().setCurrency(request.currency()).build();
            case RECHARGE -> Recharge.newBuilder().setAmountMinor(request.amountMinor()).setCurrency(request.currency())
                    .build();
            case CONSUME -> Consume.newBuilder().setAmountMinor(request.amountMinor()).setCurrency(request.currency())
                    .build();
            case HOLD -> PlaceHold.newBuilder().setHoldId(request.holdId().toString())
                    .setAmountMinor(request.amountMinor()).setCurrency(request.currency())
                    .setExpiresAt(request.expiresAt()).build();
            case CAPTURE -> CaptureHold.newBuilder().setHoldId(request.holdId().toString())
                    .setAmountMinor(request.amountMinor()).build();
            case RELEASE -> ReleaseHold.newBuilder().setHoldId(request.holdId().toString()).build();
            case ADJUST -> Adjust.newBuilder().setAmountMinor(request.amountMinor()).setCurrency(request.currency())
                    .setReason(request.reason()).setOperatorId(String.valueOf(request.actorId())).build();
            case TRANSFER -> TransferOut.newBuilder().setTransferId(request.requestId().toString())
                    .setToAccountId(request.toAccountId()).setAmountMinor(request.amountMinor())
                    .setCurrency(request.currency()).build();
            case OVERDRAFT -> SetOverdraftLimit.newBuilder().setLimitMinor(request.amountMinor()).build();
        };
    }

    /** The event type in the outbox row (and the Kafka header eventType). */
    static String eventType(Object body) {
        return body.getClass().getSimpleName();
    }
}
