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
import io.cloudphone.ledger.schemas.account.TransferIn;
import io.cloudphone.ledger.schemas.account.TransferOut;
import io.cloudphone.ledger.schemas.account.TransferRefund;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.EntryKind;
import io.cloudphone.ledger.schemas.ledger.Hold;
import io.cloudphone.ledger.schemas.ledger.HoldLifetime;
import io.cloudphone.ledger.schemas.ledger.HoldStatus;
import io.cloudphone.ledger.schemas.ledger.LedgerRequestIds;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides one account command against the state of its partition. Pure: no I/O and no clock (the caller
 * passes the record's time), so the same input always gives the same output and every rule is testable
 * without Kafka. Every accepted change is posted as balanced entries (see {@link Posting}); every
 * rejection names its code and reason and changes nothing.
 *
 * <p>Invariants kept here: available = balance - held; available >= -overdraftLimit; held >= 0; all
 * arithmetic is exact (an overflow is a BALANCE_OVERFLOW rejection, never a wrap).
 */
public final class LedgerDecider {

    public LedgerOutcome decide(LedgerView view, AccountCommand command, Instant at) {
        Object body = command.getCommand();
        AccountBalance account = view.account(command.getAccountId());
        Rejection rejection = new Rejection(command, account, at);
        if (body instanceof OpenAccount open) {
            return account == null ? open(command, open, at) : rejection.of(RejectionCode.ACCOUNT_ALREADY_OPEN,
                    "account is already open");
        }
        if (account == null) {
            return body instanceof TransferIn in ? refusedTransferIn(rejection, in, RejectionCode.ACCOUNT_NOT_OPEN,
                    "destination account is not open") : rejection.of(RejectionCode.ACCOUNT_NOT_OPEN, "account is not open");
        }
        Posting posting = new Posting(account, command.getRequestId(), at);
        return switch (body) {
            case Recharge recharge -> recharge(posting, rejection, recharge);
            case Consume consume -> consume(posting, rejection, consume);
            case PlaceHold hold -> placeHold(view, posting, rejection, hold, command.getOccurredAt());
            case CaptureHold capture -> captureHold(view, posting, rejection, capture);
            case ReleaseHold release -> releaseHold(view, posting, rejection, release);
            case Adjust adjust -> adjust(posting, rejection, adjust);
            case TransferOut out -> transferOut(posting, rejection, out);
            case TransferIn in -> transferIn(posting, rejection, in);
            case TransferRefund refund -> transferRefund(posting, rejection, refund);
            case SetOverdraftLimit limit -> setOverdraftLimit(posting, rejection, limit);
            case null, default -> rejection.of(RejectionCode.MALFORMED_COMMAND, "unknown command "
                    + (body == null ? "null" : body.getClass().getSimpleName()));
        };
    }

    /**
     * The open hold a capture or release names whose expiry had passed when the command was made (its
     * {@code occurredAt}, the time command-api accepted it: not the clock of whichever instance decides).
     * The caller expires it first; the command is then rejected as {@code HOLD_EXPIRED}.
     */
    public Optional<Hold> holdExpiredBy(LedgerView view, AccountCommand command) {
        String holdId = switch (command.getCommand()) {
            case CaptureHold capture -> capture.getHoldId();
            case ReleaseHold release -> release.getHoldId();
            default -> null;
        };
        Hold hold = holdId == null ? null : view.hold(holdId);
        if (hold == null || !hold.getAccountId().equals(command.getAccountId()) || hold.getStatus() != HoldStatus.OPEN
                || !isExpiredAt(hold, command.getOccurredAt())) {
            return Optional.empty();
        }
        return Optional.of(hold);
    }

    static boolean isExpiredAt(Hold hold, Instant time) {
        return hold.getExpiresAt() != null && !time.isBefore(hold.getExpiresAt());
    }

    /** The ledger's own decision when an open hold's expiry time has passed: released whole. */
    public LedgerOutcome expire(LedgerView view, Hold hold, Instant at) {
        AccountBalance account = view.account(hold.getAccountId());
        if (account == null || hold.getStatus() != HoldStatus.OPEN) {
            throw new IllegalStateException("hold " + hold.getHoldId() + " is not an open hold of an open account");
        }
        Posting posting = new Posting(account, LedgerRequestIds.holdExpiry(hold.getHoldId()), at);
        posting.release(hold.getAmountMinor(), EntryKind.HOLD_EXPIRY);
        return posting.accept("HoldExpired", List.of(closed(hold, HoldStatus.EXPIRED, 0, posting.requestId(), at)),
                List.of());
    }

    private static LedgerOutcome open(AccountCommand command, OpenAccount open, Instant at) {
        AccountBalance opened = AccountBalance.newBuilder()
                .setAccountId(command.getAccountId()).setCurrency(open.getCurrency())
                .setBalance(0).setAvailable(0).setHeld(0).setOverdraftLimit(0).setVersion(1).setUpdatedAt(at)
                .build();
        return Posting.opened(opened, command.getRequestId(), at);
    }

    private static LedgerOutcome recharge(Posting posting, Rejection rejection, Recharge recharge) {
        long amount = recharge.getAmountMinor();
        LedgerOutcome invalid = rejection.ifInvalid(amount, recharge.getCurrency());
        if (invalid != null) {
            return invalid;
        }
        if (!posting.credit(amount, EntryKind.RECHARGE, SystemAccounts.externalInflow(recharge.getCurrency()))) {
            return rejection.overflow();
        }
        return posting.accept("Recharge", List.of(), List.of());
    }

    private static LedgerOutcome consume(Posting posting, Rejection rejection, Consume consume) {
        long amount = consume.getAmountMinor();
        LedgerOutcome invalid = rejection.ifInvalid(amount, consume.getCurrency());
        if (invalid != null) {
            return invalid;
        }
        if (!posting.canSpend(amount)) {
            return rejection.insufficientFunds(amount);
        }
        posting.debit(amount, EntryKind.CONSUMPTION, SystemAccounts.externalOutflow(consume.getCurrency()));
        return posting.accept("Consume", List.of(), List.of());
    }

    /** A hold placed without an expiry gets the longest lifetime, counted from the request: none stays open for ever. */
    private static LedgerOutcome placeHold(LedgerView view, Posting posting, Rejection rejection, PlaceHold place,
                                           Instant requestedAt) {
        long amount = place.getAmountMinor();
        LedgerOutcome invalid = rejection.ifInvalid(amount, place.getCurrency());
        if (invalid != null) {
            return invalid;
        }
        if (view.hold(place.getHoldId()) != null) {
            return rejection.of(RejectionCode.HOLD_ALREADY_EXISTS, "hold " + place.getHoldId() + " already exists");
        }
        if (!posting.canSpend(amount)) {
            return rejection.insufficientFunds(amount);
        }
        if (!posting.hold(amount)) {
            return rejection.overflow();
        }
        Hold hold = Hold.newBuilder()
                .setHoldId(place.getHoldId()).setAccountId(posting.accountId()).setAmountMinor(amount)
                .setCurrency(place.getCurrency()).setExpiresAt(HoldLifetime.expiresAt(place.getExpiresAt(), requestedAt))
                .setStatus(HoldStatus.OPEN)
                .setCapturedMinor(0).setPlacedBy(posting.requestId()).setClosedBy(null).setUpdatedAt(posting.at())
                .build();
        return posting.accept("PlaceHold", List.of(hold), List.of());
    }

    private static LedgerOutcome captureHold(LedgerView view, Posting posting, Rejection rejection, CaptureHold capture) {
        Hold hold = view.hold(capture.getHoldId());
        LedgerOutcome notOpen = rejection.ifNotOpenHold(hold, capture.getHoldId(), posting.accountId());
        if (notOpen != null) {
            return notOpen;
        }
        long captured = capture.getAmountMinor() == null ? hold.getAmountMinor() : capture.getAmountMinor();
        if (captured <= 0 || captured > hold.getAmountMinor()) {
            return rejection.of(captured <= 0 ? RejectionCode.INVALID_AMOUNT : RejectionCode.AMOUNT_EXCEEDS_HOLD,
                    "capture must be 1 to " + hold.getAmountMinor() + " minor units, was " + captured);
        }
        posting.capture(hold.getAmountMinor(), captured, hold.getCurrency());
        return posting.accept("CaptureHold",
                List.of(closed(hold, HoldStatus.CAPTURED, captured, posting.requestId(), posting.at())), List.of());
    }

    private static LedgerOutcome releaseHold(LedgerView view, Posting posting, Rejection rejection, ReleaseHold release) {
        Hold hold = view.hold(release.getHoldId());
        LedgerOutcome notOpen = rejection.ifNotOpenHold(hold, release.getHoldId(), posting.accountId());
        if (notOpen != null) {
            return notOpen;
        }
        posting.release(hold.getAmountMinor(), EntryKind.HOLD_RELEASE);
        return posting.accept("ReleaseHold",
                List.of(closed(hold, HoldStatus.RELEASED, 0, posting.requestId(), posting.at())), List.of());
    }

    private static LedgerOutcome adjust(Posting posting, Rejection rejection, Adjust adjust) {
        long amount = adjust.getAmountMinor();
        if (adjust.getReason() == null || adjust.getReason().isBlank()) {
            return rejection.of(RejectionCode.MISSING_REASON, "an adjustment needs a reason");
        }
        if (amount == 0 || amount == Long.MIN_VALUE) {
            return rejection.of(RejectionCode.INVALID_AMOUNT, "an adjustment moves a non-zero amount, was " + amount);
        }
        LedgerOutcome wrongCurrency = rejection.ifOtherCurrency(adjust.getCurrency());
        if (wrongCurrency != null) {
            return wrongCurrency;
        }
        String other = SystemAccounts.adjustments(adjust.getCurrency());
        if (amount > 0) {
            if (!posting.credit(amount, EntryKind.ADJUSTMENT, other)) {
                return rejection.overflow();
            }
        } else {
            if (!posting.canSpend(-amount)) {
                return rejection.insufficientFunds(-amount);
            }
            posting.debit(-amount, EntryKind.ADJUSTMENT, other);
        }
        return posting.accept("Adjust", List.of(), List.of());
    }

    private static LedgerOutcome transferOut(Posting posting, Rejection rejection, TransferOut out) {
        long amount = out.getAmountMinor();
        LedgerOutcome invalid = rejection.ifInvalid(amount, out.getCurrency());
        if (invalid != null) {
            return invalid;
        }
        if (out.getToAccountId().equals(posting.accountId())) {
            return rejection.of(RejectionCode.TRANSFER_TO_SELF, "a transfer needs two different accounts");
        }
        if (!posting.canSpend(amount)) {
            return rejection.insufficientFunds(amount);
        }
        posting.debit(amount, EntryKind.TRANSFER_OUT, SystemAccounts.transfersInFlight(out.getCurrency()));
        AccountCommand credit = AccountCommand.newBuilder()
                .setRequestId(LedgerRequestIds.transferIn(out.getTransferId()))
                .setAccountId(out.getToAccountId())
                .setOccurredAt(posting.at())
                .setCommand(TransferIn.newBuilder().setTransferId(out.getTransferId())
                        .setFromAccountId(posting.accountId()).setAmountMinor(amount).setCurrency(out.getCurrency())
                        .build())
                .build();
        return posting.accept("TransferOut", List.of(), List.of(credit));
    }

    private static LedgerOutcome transferIn(Posting posting, Rejection rejection, TransferIn in) {
        LedgerOutcome invalid = rejection.ifInvalid(in.getAmountMinor(), in.getCurrency());
        if (invalid != null) {
            return refusedTransferIn(rejection, in, invalid.decision().getRejectionCode(),
                    invalid.decision().getReason());
        }
        if (!posting.credit(in.getAmountMinor(), EntryKind.TRANSFER_IN,
                SystemAccounts.transfersInFlight(in.getCurrency()))) {
            return refusedTransferIn(rejection, in, RejectionCode.BALANCE_OVERFLOW, "destination balance would overflow");
        }
        return posting.accept("TransferIn", List.of(), List.of());
    }

    /** The destination refuses: the money goes back to the source, which alone may hold it again. */
    private static LedgerOutcome refusedTransferIn(Rejection rejection, TransferIn in, RejectionCode code, String reason) {
        AccountCommand refund = AccountCommand.newBuilder()
                .setRequestId(LedgerRequestIds.transferRefund(in.getTransferId()))
                .setAccountId(in.getFromAccountId())
                .setOccurredAt(rejection.at())
                .setCommand(TransferRefund.newBuilder().setTransferId(in.getTransferId())
                        .setToAccountId(rejection.command().getAccountId()).setAmountMinor(in.getAmountMinor())
                        .setCurrency(in.getCurrency()).setReason(reason).build())
                .build();
        return rejection.withLegs(rejection.of(code, reason), List.of(refund));
    }

    private static LedgerOutcome transferRefund(Posting posting, Rejection rejection, TransferRefund refund) {
        LedgerOutcome invalid = rejection.ifInvalid(refund.getAmountMinor(), refund.getCurrency());
        if (invalid != null) {
            return invalid;
        }
        // Can only fail if the account was recharged to near 2^63 meanwhile; the money then stays, counted, in flight.
        if (!posting.credit(refund.getAmountMinor(), EntryKind.TRANSFER_REFUND,
                SystemAccounts.transfersInFlight(refund.getCurrency()))) {
            return rejection.overflow();
        }
        return posting.accept("TransferRefund", List.of(), List.of());
    }

    private static LedgerOutcome setOverdraftLimit(Posting posting, Rejection rejection, SetOverdraftLimit limit) {
        long limitMinor = limit.getLimitMinor();
        if (limitMinor < 0) {
            return rejection.of(RejectionCode.INVALID_LIMIT, "an overdraft limit is zero or positive, was " + limitMinor);
        }
        if (posting.available() < -limitMinor) {
            return rejection.of(RejectionCode.INVALID_LIMIT, "available " + posting.available()
                    + " is already below minus the new limit " + limitMinor);
        }
        posting.setOverdraftLimit(limitMinor);
        return posting.accept("SetOverdraftLimit", List.of(), List.of());
    }

    private static Hold closed(Hold hold, HoldStatus status, long captured, String requestId, Instant at) {
        return Hold.newBuilder(hold).setStatus(status).setCapturedMinor(captured).setClosedBy(requestId)
                .setUpdatedAt(at).build();
    }
}
