package io.cloudphone.ledger.reference;

import io.cloudphone.ledger.reference.Expected.Move;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.EntryKind;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger as README's Ledger API describes it, written again from that description and nothing else: fed the
 * requests of each account in the order the ledger must decide them, it says what each decision must be. It is
 * the oracle of the crash tests and the properties, so it shares no code with the ledger app (only the public
 * event types); when the two disagree, one of them misreads the rules, and a test says which request shows it.
 *
 * <p>Numbers are compared as {@link BigInteger}: nothing here can overflow, so an overflow the ledger must
 * refuse is seen as one. The model has no clock: a hold ends by expiry only when the ledger's own expiry decision
 * is fed to it ({@link #expireHold}).
 */
public final class ReferenceLedger {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, Hold> holds = new HashMap<>();
    private final Map<String, Transfer> transfers = new HashMap<>();

    /** Where a transfer is: debited and on its way, credited, refused and on its way back, refunded. */
    public enum TransferState {
        IN_FLIGHT, CREDITED, REFUND_IN_FLIGHT, REFUNDED, STUCK_IN_FLIGHT
    }

    public enum HoldState {
        OPEN, CAPTURED, RELEASED, EXPIRED
    }

    /** An account's numbers: available is balance minus held. */
    public record Balance(String currency, long balance, long available, long held, long overdraftLimit, long version) {
    }

    public record TransferView(String transferId, String from, String to, long amount, TransferState state) {
    }

    private static final class Account {
        final String id;
        final String currency;
        BigInteger balance = BigInteger.ZERO;
        BigInteger held = BigInteger.ZERO;
        long overdraftLimit;
        long version = 1;

        Account(String id, String currency) {
            this.id = id;
            this.currency = currency;
        }

        BigInteger available() {
            return balance.subtract(held);
        }

        boolean canSpend(long amount) {
            return available().subtract(BigInteger.valueOf(amount)).compareTo(BigInteger.valueOf(-overdraftLimit)) >= 0;
        }
    }

    private record Hold(String holdId, String accountId, long amount, String currency, HoldState state) {
        Hold ended(HoldState how) {
            return new Hold(holdId, accountId, amount, currency, how);
        }
    }

    private record Transfer(String transferId, String from, String to, long amount, String currency,
                            TransferState state) {
        Transfer now(TransferState next) {
            return new Transfer(transferId, from, to, amount, currency, next);
        }
    }

    /** The decision on a client's request, and the state after it. */
    public Expected decide(ClientRequest request) {
        RejectionCode malformed = malformed(request);
        if (malformed != null) {
            return rejected(request, malformed);
        }
        if (request instanceof ClientRequest.Open open) {
            return open(open);
        }
        Account account = accounts.get(request.accountId());
        if (account == null) {
            return rejected(request, RejectionCode.ACCOUNT_NOT_OPEN);
        }
        return switch (request) {
            case ClientRequest.Open open -> throw new AssertionError("handled above");
            case ClientRequest.Recharge r -> recharge(account, r);
            case ClientRequest.Consume c -> consume(account, c);
            case ClientRequest.Adjust a -> adjust(account, a);
            case ClientRequest.SetOverdraftLimit l -> setOverdraftLimit(account, l);
            case ClientRequest.PlaceHold h -> placeHold(account, h);
            case ClientRequest.CaptureHold c -> captureHold(account, c);
            case ClientRequest.ReleaseHold r -> releaseHold(account, r);
            case ClientRequest.Transfer t -> transferOut(account, t);
        };
    }

    /** The destination's decision on the credit leg ({@code <transferId>:in}) of a transfer in flight. */
    public Expected creditLeg(String transferId) {
        Transfer transfer = transferIn(transferId, TransferState.IN_FLIGHT);
        String requestId = transferId + ":in";
        Account to = accounts.get(transfer.to());
        RejectionCode refusal = to == null ? RejectionCode.ACCOUNT_NOT_OPEN
                : !to.currency.equals(transfer.currency()) ? RejectionCode.CURRENCY_MISMATCH
                : overflows(to.balance.add(BigInteger.valueOf(transfer.amount()))) ? RejectionCode.BALANCE_OVERFLOW
                : null;
        if (refusal != null) {
            transfers.put(transferId, transfer.now(TransferState.REFUND_IN_FLIGHT));
            return rejected(requestId, transfer.to(), "TransferIn", refusal);
        }
        to.balance = to.balance.add(BigInteger.valueOf(transfer.amount()));
        transfers.put(transferId, transfer.now(TransferState.CREDITED));
        return accepted(to, requestId, "TransferIn",
                List.of(new Move(EntryKind.TRANSFER_IN, inFlight(transfer.currency()), to.id, transfer.amount())));
    }

    /** The source's decision on the refund ({@code <transferId>:refund}) of a transfer its destination refused. */
    public Expected refundLeg(String transferId) {
        Transfer transfer = transferIn(transferId, TransferState.REFUND_IN_FLIGHT);
        String requestId = transferId + ":refund";
        Account from = accounts.get(transfer.from());
        if (overflows(from.balance.add(BigInteger.valueOf(transfer.amount())))) {
            // The money stays in flight, counted: README's only case of a transfer that does not settle.
            transfers.put(transferId, transfer.now(TransferState.STUCK_IN_FLIGHT));
            return rejected(requestId, from.id, "TransferRefund", RejectionCode.BALANCE_OVERFLOW);
        }
        from.balance = from.balance.add(BigInteger.valueOf(transfer.amount()));
        transfers.put(transferId, transfer.now(TransferState.REFUNDED));
        return accepted(from, requestId, "TransferRefund",
                List.of(new Move(EntryKind.TRANSFER_REFUND, inFlight(transfer.currency()), from.id, transfer.amount())));
    }

    /** The ledger's own release of an open hold whose expiry passed ({@code hold-expiry:<holdId>}). */
    public Expected expireHold(String holdId) {
        Hold hold = holds.get(holdId);
        if (hold == null || hold.state() != HoldState.OPEN) {
            throw new IllegalStateException("hold " + holdId + " is not open, so it cannot expire: " + hold);
        }
        Account account = accounts.get(hold.accountId());
        account.held = account.held.subtract(BigInteger.valueOf(hold.amount()));
        holds.put(holdId, hold.ended(HoldState.EXPIRED));
        return accepted(account, "hold-expiry:" + holdId, "HoldExpired",
                List.of(new Move(EntryKind.HOLD_EXPIRY, holds(account.id), account.id, hold.amount())));
    }

    public Optional<Balance> balance(String accountId) {
        return Optional.ofNullable(accounts.get(accountId)).map(a -> new Balance(a.currency, a.balance.longValueExact(),
                a.available().longValueExact(), a.held.longValueExact(), a.overdraftLimit, a.version));
    }

    public Optional<TransferView> transfer(String transferId) {
        return Optional.ofNullable(transfers.get(transferId))
                .map(t -> new TransferView(t.transferId(), t.from(), t.to(), t.amount(), t.state()));
    }

    public List<TransferView> transfers() {
        List<TransferView> all = new ArrayList<>(transfers.size());
        for (String id : transfers.keySet()) {
            all.add(transfer(id).orElseThrow());
        }
        return all;
    }

    public Optional<HoldState> hold(String holdId) {
        return Optional.ofNullable(holds.get(holdId)).map(Hold::state);
    }

    private Expected open(ClientRequest.Open open) {
        Account existing = accounts.get(open.accountId());
        if (existing != null) {
            return rejected(open, RejectionCode.ACCOUNT_ALREADY_OPEN);
        }
        Account account = new Account(open.accountId(), open.currency());
        accounts.put(account.id, account);
        // Opening is version 1, the first state; every later accepted decision adds one.
        return expected(account, open.requestId(), operation(open), DecisionOutcome.ACCEPTED, null, List.of());
    }

    private Expected recharge(Account account, ClientRequest.Recharge recharge) {
        RejectionCode invalid = invalid(account, recharge.amount(), recharge.currency());
        if (invalid == null && overflows(account.balance.add(BigInteger.valueOf(recharge.amount())))) {
            invalid = RejectionCode.BALANCE_OVERFLOW;
        }
        if (invalid != null) {
            return rejected(recharge, invalid);
        }
        account.balance = account.balance.add(BigInteger.valueOf(recharge.amount()));
        return accepted(account, recharge,
                List.of(new Move(EntryKind.RECHARGE, "@external-inflow:" + account.currency, account.id, recharge.amount())));
    }

    private Expected consume(Account account, ClientRequest.Consume consume) {
        RejectionCode invalid = invalid(account, consume.amount(), consume.currency());
        if (invalid == null && !account.canSpend(consume.amount())) {
            invalid = RejectionCode.INSUFFICIENT_FUNDS;
        }
        if (invalid != null) {
            return rejected(consume, invalid);
        }
        account.balance = account.balance.subtract(BigInteger.valueOf(consume.amount()));
        return accepted(account, consume,
                List.of(new Move(EntryKind.CONSUMPTION, account.id, "@external-outflow:" + account.currency, consume.amount())));
    }

    private Expected adjust(Account account, ClientRequest.Adjust adjust) {
        long amount = adjust.amount();
        RejectionCode refusal = adjust.reason() == null || adjust.reason().isBlank() ? RejectionCode.MISSING_REASON
                : amount == 0 || amount == Long.MIN_VALUE ? RejectionCode.INVALID_AMOUNT
                : !account.currency.equals(adjust.currency()) ? RejectionCode.CURRENCY_MISMATCH
                : amount > 0 && overflows(account.balance.add(BigInteger.valueOf(amount))) ? RejectionCode.BALANCE_OVERFLOW
                : amount < 0 && !account.canSpend(-amount) ? RejectionCode.INSUFFICIENT_FUNDS
                : null;
        if (refusal != null) {
            return rejected(adjust, refusal);
        }
        account.balance = account.balance.add(BigInteger.valueOf(amount));
        String adjustments = "@adjustments:" + account.currency;
        Move move = amount > 0 ? new Move(EntryKind.ADJUSTMENT, adjustments, account.id, amount)
                : new Move(EntryKind.ADJUSTMENT, account.id, adjustments, -amount);
        return accepted(account, adjust, List.of(move));
    }

    private Expected setOverdraftLimit(Account account, ClientRequest.SetOverdraftLimit limit) {
        if (limit.limit() < 0 || account.available().compareTo(BigInteger.valueOf(-limit.limit())) < 0) {
            return rejected(limit, RejectionCode.INVALID_LIMIT);
        }
        account.overdraftLimit = limit.limit();
        return accepted(account, limit, List.of());
    }

    private Expected placeHold(Account account, ClientRequest.PlaceHold place) {
        RejectionCode refusal = invalid(account, place.amount(), place.currency());
        if (refusal == null && holds.containsKey(place.holdId())) {
            refusal = RejectionCode.HOLD_ALREADY_EXISTS;
        }
        if (refusal == null && !account.canSpend(place.amount())) {
            refusal = RejectionCode.INSUFFICIENT_FUNDS;
        }
        if (refusal == null && overflows(account.held.add(BigInteger.valueOf(place.amount())))) {
            refusal = RejectionCode.BALANCE_OVERFLOW;
        }
        if (refusal != null) {
            return rejected(place, refusal);
        }
        account.held = account.held.add(BigInteger.valueOf(place.amount()));
        holds.put(place.holdId(), new Hold(place.holdId(), account.id, place.amount(), place.currency(), HoldState.OPEN));
        return accepted(account, place,
                List.of(new Move(EntryKind.HOLD, account.id, holds(account.id), place.amount())));
    }

    private Expected captureHold(Account account, ClientRequest.CaptureHold capture) {
        Hold hold = holds.get(capture.holdId());
        RejectionCode refusal = notOpen(account, hold);
        long captured = hold == null ? 0 : capture.amount().orElse(hold.amount());
        if (refusal == null && captured <= 0) {
            refusal = RejectionCode.INVALID_AMOUNT;
        }
        if (refusal == null && captured > hold.amount()) {
            refusal = RejectionCode.AMOUNT_EXCEEDS_HOLD;
        }
        if (refusal != null) {
            return rejected(capture, refusal);
        }
        account.held = account.held.subtract(BigInteger.valueOf(hold.amount()));
        account.balance = account.balance.subtract(BigInteger.valueOf(captured));
        holds.put(hold.holdId(), hold.ended(HoldState.CAPTURED));
        List<Move> moves = new ArrayList<>(2);
        moves.add(new Move(EntryKind.HOLD_CAPTURE, holds(account.id), "@external-outflow:" + hold.currency(), captured));
        if (captured < hold.amount()) {
            moves.add(new Move(EntryKind.HOLD_RELEASE, holds(account.id), account.id, hold.amount() - captured));
        }
        return accepted(account, capture, moves);
    }

    private Expected releaseHold(Account account, ClientRequest.ReleaseHold release) {
        Hold hold = holds.get(release.holdId());
        RejectionCode refusal = notOpen(account, hold);
        if (refusal != null) {
            return rejected(release, refusal);
        }
        account.held = account.held.subtract(BigInteger.valueOf(hold.amount()));
        holds.put(hold.holdId(), hold.ended(HoldState.RELEASED));
        return accepted(account, release,
                List.of(new Move(EntryKind.HOLD_RELEASE, holds(account.id), account.id, hold.amount())));
    }

    private Expected transferOut(Account account, ClientRequest.Transfer transfer) {
        RejectionCode refusal = invalid(account, transfer.amount(), transfer.currency());
        if (refusal == null && transfer.toAccountId().equals(account.id)) {
            refusal = RejectionCode.TRANSFER_TO_SELF;
        }
        if (refusal == null && !account.canSpend(transfer.amount())) {
            refusal = RejectionCode.INSUFFICIENT_FUNDS;
        }
        if (refusal != null) {
            return rejected(transfer, refusal);
        }
        account.balance = account.balance.subtract(BigInteger.valueOf(transfer.amount()));
        transfers.put(transfer.requestId(), new Transfer(transfer.requestId(), account.id, transfer.toAccountId(),
                transfer.amount(), transfer.currency(), TransferState.IN_FLIGHT));
        return accepted(account, transfer,
                List.of(new Move(EntryKind.TRANSFER_OUT, account.id, inFlight(transfer.currency()), transfer.amount())));
    }

    /**
     * A request whose shape is wrong whatever the account's state (a zero or negative amount, a negative limit) is
     * refused before its account is looked at, so even on an account that is not open.
     */
    private static RejectionCode malformed(ClientRequest request) {
        return switch (request) {
            case ClientRequest.Recharge r -> r.amount() <= 0 ? RejectionCode.INVALID_AMOUNT : null;
            case ClientRequest.Consume c -> c.amount() <= 0 ? RejectionCode.INVALID_AMOUNT : null;
            case ClientRequest.PlaceHold h -> h.amount() <= 0 ? RejectionCode.INVALID_AMOUNT : null;
            case ClientRequest.Transfer t -> t.amount() <= 0 ? RejectionCode.INVALID_AMOUNT : null;
            case ClientRequest.CaptureHold c -> c.amount().isPresent() && c.amount().getAsLong() <= 0
                    ? RejectionCode.INVALID_AMOUNT : null;
            case ClientRequest.Adjust a -> a.amount() == 0 || a.amount() == Long.MIN_VALUE ? RejectionCode.INVALID_AMOUNT : null;
            case ClientRequest.SetOverdraftLimit l -> l.limit() < 0 ? RejectionCode.INVALID_LIMIT : null;
            case ClientRequest.Open o -> null;
            case ClientRequest.ReleaseHold r -> null;
        };
    }

    /** A hold of another account is none of this one's business: not found, like a hold that never was. */
    private static RejectionCode notOpen(Account account, Hold hold) {
        if (hold == null || !hold.accountId().equals(account.id)) {
            return RejectionCode.HOLD_NOT_FOUND;
        }
        return switch (hold.state()) {
            case OPEN -> null;
            case EXPIRED -> RejectionCode.HOLD_EXPIRED;
            case CAPTURED, RELEASED -> RejectionCode.HOLD_NOT_OPEN;
        };
    }

    private static RejectionCode invalid(Account account, long amount, String currency) {
        if (amount <= 0) {
            return RejectionCode.INVALID_AMOUNT;
        }
        return account.currency.equals(currency) ? null : RejectionCode.CURRENCY_MISMATCH;
    }

    private Transfer transferIn(String transferId, TransferState required) {
        Transfer transfer = transfers.get(transferId);
        if (transfer == null || transfer.state() != required) {
            throw new IllegalStateException("transfer " + transferId + " is not " + required + ": " + transfer);
        }
        return transfer;
    }

    private static boolean overflows(BigInteger value) {
        return value.compareTo(LONG_MAX) > 0 || value.compareTo(LONG_MIN) < 0;
    }

    private Expected accepted(Account account, ClientRequest request, List<Move> moves) {
        return accepted(account, request.requestId(), operation(request), moves);
    }

    private Expected rejected(ClientRequest request, RejectionCode code) {
        return rejected(request.requestId(), request.accountId(), operation(request), code);
    }

    private Expected accepted(Account account, String requestId, String operation, List<Move> moves) {
        account.version++;
        return expected(account, requestId, operation, DecisionOutcome.ACCEPTED, null, moves);
    }

    /** A rejection changes nothing; its decision shows the account as it is (zeros when it is not open). */
    private Expected rejected(String requestId, String accountId, String operation, RejectionCode code) {
        Account account = accounts.get(accountId);
        if (account == null) {
            return new Expected(requestId, accountId, operation, DecisionOutcome.REJECTED, code, 0, 0, 0, 0, List.of());
        }
        return expected(account, requestId, operation, DecisionOutcome.REJECTED, code, List.of());
    }

    private static Expected expected(Account account, String requestId, String operation, DecisionOutcome outcome,
                                     RejectionCode code, List<Move> moves) {
        return new Expected(requestId, account.id, operation, outcome, code, account.balance.longValueExact(),
                account.available().longValueExact(), account.held.longValueExact(), account.version, moves);
    }

    private static String operation(ClientRequest request) {
        return switch (request) {
            case ClientRequest.Open o -> "OpenAccount";
            case ClientRequest.Recharge r -> "Recharge";
            case ClientRequest.Consume c -> "Consume";
            case ClientRequest.Adjust a -> "Adjust";
            case ClientRequest.SetOverdraftLimit l -> "SetOverdraftLimit";
            case ClientRequest.PlaceHold h -> "PlaceHold";
            case ClientRequest.CaptureHold c -> "CaptureHold";
            case ClientRequest.ReleaseHold r -> "ReleaseHold";
            case ClientRequest.Transfer t -> "TransferOut";
        };
    }

    private static String inFlight(String currency) {
        return "@transfers-in-flight:" + currency;
    }

    private static String holds(String accountId) {
        return "@holds:" + accountId;
    }
}
