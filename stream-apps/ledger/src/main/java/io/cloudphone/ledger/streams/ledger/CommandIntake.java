package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.AccountIds;
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
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import io.cloudphone.ledger.schemas.money.Currencies;
import io.cloudphone.ledger.schemas.payment.PaymentLedgerRequests;
import io.cloudphone.ledger.schemas.serde.AvroSerde;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetter;
import io.cloudphone.ledger.streams.runtime.deadletter.Decoded;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns the bytes of one input record into a command to decide, or into the reason it is set aside (and,
 * when it names a usable request id, the rejection its sender gets). Pure apart from the serde's schema
 * lookups: no state, no clock, so every reason is unit-tested alone.
 *
 * <p>This checks the shape of a command, which needs no account state; whether a valid command can be
 * done (funds, currency of the account, hold status) is {@link LedgerDecider}'s business.
 */
final class CommandIntake {

    /** Request ids are UUIDs from command-api, or the ledger's own {@code <transferId>:refund}: 128 is ample. */
    static final int ID_LENGTH_MAX = 128;

    sealed interface Outcome permits ToDecide, SetAside {
    }

    /** @param key the record's key, equal to the command's account id */
    record ToDecide(String key, AccountCommand command) implements Outcome {
    }

    /** @param rejection the decision for the sender; empty when the record names no usable request id */
    record SetAside(DeadLetter deadLetter, Optional<RejectedRequest> rejection) implements Outcome {
    }

    /**
     * What the REJECTED decision of a set-aside record says.
     *
     * @param key where the decision is filed and keyed: the record's key (its partition), or its account id
     *            when it had no key
     */
    record RejectedRequest(String key, String requestId, String accountId, String operation, RejectionCode code,
                           String reason) {
    }

    private final AvroSerde<AccountCommand> serde;
    private final LedgerTopics names;

    CommandIntake(AvroSerde<AccountCommand> serde, LedgerTopics names) {
        this.serde = serde;
        this.names = names;
    }

    Outcome read(String topic, byte[] keyBytes, byte[] value) {
        String key = keyBytes == null ? null : new String(keyBytes, StandardCharsets.UTF_8);
        return switch (Decoded.decode(serde, topic, value)) {
            case Decoded.Readable<AccountCommand> readable -> check(topic, key, readable.value());
            case Decoded.Unreadable<AccountCommand> unreadable -> unreadable.asWritten()
                    .map(written -> unknownCommand(key, written, unreadable.deadLetter()))
                    .orElseGet(() -> new SetAside(unreadable.deadLetter(), Optional.empty()));
        };
    }

    private Outcome check(String topic, String key, AccountCommand command) {
        String requestId = command.getRequestId();
        if (!isUsableId(requestId)) {
            return new SetAside(new DeadLetter(InvalidCommand.INVALID_REQUEST_ID.name(),
                    "request id must be 1 to " + ID_LENGTH_MAX + " characters without spaces or control characters, was '"
                            + requestId + "'"), Optional.empty());
        }
        Violation violation = identityViolation(key, command.getAccountId());
        if (violation == null) {
            violation = topicViolation(topic, command.getCommand(), requestId);
        }
        if (violation == null) {
            violation = bodyViolation(command.getCommand());
        }
        if (violation == null) {
            return new ToDecide(key, command);
        }
        return setAside(violation, key == null ? command.getAccountId() : key, requestId, command.getAccountId(),
                operationOf(command.getCommand()));
    }

    /** A command of a kind the reader cannot represent still tells who sent it, if its writer's schema says so. */
    private static Outcome unknownCommand(String key, GenericRecord written, DeadLetter deadLetter) {
        String requestId = text(written, "requestId");
        String accountId = text(written, "accountId");
        Object body = written.getSchema().getField("command") == null ? null : written.get("command");
        String kind = body instanceof GenericRecord record ? record.getSchema().getName() : "?";
        DeadLetter unknown = new DeadLetter(InvalidCommand.UNKNOWN_COMMAND.name(),
                "command " + kind + " is unknown to this ledger; " + deadLetter.detail());
        if (!isUsableId(requestId) || identityViolation(key, accountId) != null) {
            return new SetAside(unknown, Optional.empty());
        }
        return new SetAside(unknown, Optional.of(new RejectedRequest(key, requestId, accountId, kind,
                RejectionCode.UNKNOWN_COMMAND, "unknown command " + kind)));
    }

    private static Violation identityViolation(String key, String accountId) {
        if (!AccountIds.isValid(accountId)) {
            return new Violation(InvalidCommand.INVALID_ACCOUNT_ID, "account id must match " + AccountIds.PATTERN
                    + ", was '" + accountId + "'");
        }
        if (!accountId.equals(key)) {
            return new Violation(InvalidCommand.KEY_MISMATCH, "the record is keyed "
                    + (key == null ? "by nothing" : "'" + key + "'") + ", not by its account '" + accountId + "'");
        }
        return null;
    }

    private Violation topicViolation(String topic, Object body, String requestId) {
        boolean leg = body instanceof TransferIn || body instanceof TransferRefund;
        boolean fromLegsTopic = topic.equals(names.transferLegs());
        if (topic.equals(names.serviceCommands())) {
            return serviceViolation(topic, body, requestId);
        }
        if (leg == fromLegsTopic) {
            return null;
        }
        return new Violation(InvalidCommand.WRONG_TOPIC, leg
                ? operationOf(body) + " is a leg only the ledger writes, to " + names.transferLegs() + "; it came from " + topic
                : operationOf(body) + " is a client command; the ledger's own " + topic + " carries only transfer legs");
    }

    /**
     * The payments app moves money only as its rules need (credit a top-up, consume a balance payment, hold,
     * capture or release a refund's money), under its own request ids, which cannot collide with a client's.
     */
    private static Violation serviceViolation(String topic, Object body, String requestId) {
        boolean allowed = body instanceof Recharge || body instanceof Consume || body instanceof PlaceHold
                || body instanceof CaptureHold || body instanceof ReleaseHold;
        if (!allowed) {
            return new Violation(InvalidCommand.WRONG_TOPIC, operationOf(body) + " is not a command the payments app "
                    + "sends; " + topic + " carries only Recharge, Consume, PlaceHold, CaptureHold and ReleaseHold");
        }
        if (PaymentLedgerRequests.parse(requestId).isEmpty()) {
            return new Violation(InvalidCommand.WRONG_TOPIC, "request id '" + requestId + "' is not the payments "
                    + "app's (pay:<orderId>:<purpose>...); " + topic + " carries only those");
        }
        return null;
    }

    /** Exhaustive over the command union, like the decider: a new command needs its checks here too. */
    private static Violation bodyViolation(Object body) {
        return switch (body) {
            case OpenAccount open -> currency(open.getCurrency());
            case Recharge recharge -> positive(recharge.getAmountMinor(), recharge.getCurrency());
            case Consume consume -> positive(consume.getAmountMinor(), consume.getCurrency());
            case PlaceHold hold -> first(id("holdId", hold.getHoldId()), positive(hold.getAmountMinor(), hold.getCurrency()));
            case CaptureHold capture -> first(id("holdId", capture.getHoldId()), capture.getAmountMinor() == null ? null
                    : positive(capture.getAmountMinor(), null));
            case ReleaseHold release -> id("holdId", release.getHoldId());
            case Adjust adjust -> first(nonZero(adjust.getAmountMinor()), currency(adjust.getCurrency()));
            case TransferOut out -> first(id("transferId", out.getTransferId()),
                    account("toAccountId", out.getToAccountId()), positive(out.getAmountMinor(), out.getCurrency()));
            case TransferIn in -> first(id("transferId", in.getTransferId()),
                    account("fromAccountId", in.getFromAccountId()), positive(in.getAmountMinor(), in.getCurrency()));
            case TransferRefund refund -> first(id("transferId", refund.getTransferId()),
                    account("toAccountId", refund.getToAccountId()), positive(refund.getAmountMinor(), refund.getCurrency()));
            case SetOverdraftLimit limit -> limit.getLimitMinor() >= 0 ? null
                    : new Violation(InvalidCommand.INVALID_LIMIT, "an overdraft limit is zero or positive, was "
                    + limit.getLimitMinor());
            case null, default -> new Violation(InvalidCommand.UNKNOWN_COMMAND, "unknown command " + operationOf(body));
        };
    }

    private static Violation positive(long amountMinor, String currencyOrNull) {
        if (amountMinor <= 0) {
            return new Violation(InvalidCommand.INVALID_AMOUNT, "amount must be positive, was " + amountMinor);
        }
        return currencyOrNull == null ? null : currency(currencyOrNull);
    }

    private static Violation nonZero(long amountMinor) {
        if (amountMinor == 0 || amountMinor == Long.MIN_VALUE) {
            return new Violation(InvalidCommand.INVALID_AMOUNT, "an adjustment moves a non-zero amount within +-"
                    + Long.MAX_VALUE + ", was " + amountMinor);
        }
        return null;
    }

    private static Violation currency(String currency) {
        return Currencies.isMoney(currency) ? null : new Violation(InvalidCommand.UNKNOWN_CURRENCY,
                "'" + currency + "' is not the ISO 4217 code of a currency with minor units");
    }

    private static Violation id(String field, String value) {
        return isUsableId(value) ? null : new Violation(InvalidCommand.MISSING_FIELD, field + " must be 1 to "
                + ID_LENGTH_MAX + " characters without spaces or control characters, was '" + value + "'");
    }

    private static Violation account(String field, String value) {
        return AccountIds.isValid(value) ? null : new Violation(InvalidCommand.INVALID_ACCOUNT_ID,
                field + " must match " + AccountIds.PATTERN + ", was '" + value + "'");
    }

    private static Violation first(Violation... checks) {
        for (Violation check : checks) {
            if (check != null) {
                return check;
            }
        }
        return null;
    }

    private static SetAside setAside(Violation violation, String key, String requestId, String accountId,
                                     String operation) {
        DeadLetter deadLetter = new DeadLetter(violation.reason().name(), violation.detail());
        return new SetAside(deadLetter, Optional.of(new RejectedRequest(key, requestId, accountId, operation,
                violation.reason().rejectionCode(), violation.detail())));
    }

    static boolean isUsableId(String id) {
        return id != null && !id.isEmpty() && id.length() <= ID_LENGTH_MAX
                && id.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    private static String operationOf(Object body) {
        return body == null ? "null" : body.getClass().getSimpleName();
    }

    private static String text(GenericRecord record, String field) {
        if (record.getSchema().getField(field) == null) {
            return null;
        }
        Object value = record.get(field);
        return value instanceof CharSequence text ? text.toString() : null;
    }

    private record Violation(InvalidCommand reason, String detail) {
    }
}
