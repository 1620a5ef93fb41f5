package io.cloudphone.ledger.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a property's runs covered, counted over all its examples and asserted at the end: a property whose runs
 * never reach a rule proves nothing about it. The minimum shares sit at about half of what the generator makes
 * (printed after each property), so that a generator change that starves a kind of case fails here.
 */
final class Coverage {

    private static final Set<String> HOLD_OPERATIONS = Set.of("PlaceHold", "CaptureHold", "ReleaseHold", "HoldExpired");
    private static final Set<String> TRANSFER_OPERATIONS = Set.of("TransferOut", "TransferIn", "TransferRefund");
    /** Every kind of case the ledger's rules distinguish that a generated run can reach, each judged at least once. */
    private static final List<String> CASES = List.of("PlaceHold ACCEPTED", "CaptureHold ACCEPTED",
            "ReleaseHold ACCEPTED", "HoldExpired ACCEPTED", "TransferOut ACCEPTED", "TransferIn ACCEPTED",
            "TransferRefund ACCEPTED", "Consume REJECTED INSUFFICIENT_FUNDS", "Recharge REJECTED BALANCE_OVERFLOW",
            "CaptureHold REJECTED AMOUNT_EXCEEDS_HOLD", "CaptureHold REJECTED HOLD_EXPIRED",
            "CaptureHold REJECTED HOLD_NOT_FOUND", "PlaceHold REJECTED HOLD_ALREADY_EXISTS",
            "TransferOut REJECTED TRANSFER_TO_SELF", "SetOverdraftLimit ACCEPTED", "Adjust ACCEPTED",
            "OpenAccount REJECTED ACCOUNT_ALREADY_OPEN", "Consume REJECTED ACCOUNT_NOT_OPEN",
            "Recharge REJECTED CURRENCY_MISMATCH");

    private final Map<String, Integer> cases = new TreeMap<>();
    private long decisions;
    private long accepted;
    private long rejected;
    private long holds;
    private long transfers;
    private long overflows;
    private long legs;

    void count(List<LedgerDecision> made) {
        for (LedgerDecision decision : made) {
            decisions++;
            if (decision.getOutcome() == DecisionOutcome.ACCEPTED) {
                accepted++;
            } else {
                rejected++;
            }
            holds += HOLD_OPERATIONS.contains(decision.getOperation()) ? 1 : 0;
            transfers += TRANSFER_OPERATIONS.contains(decision.getOperation()) ? 1 : 0;
            overflows += decision.getRejectionCode() == RejectionCode.BALANCE_OVERFLOW ? 1 : 0;
            cases.merge(decision.getOperation() + " " + decision.getOutcome()
                    + (decision.getRejectionCode() == null ? "" : " " + decision.getRejectionCode()), 1, Integer::sum);
        }
    }

    void countLegs(int judged) {
        legs += judged;
    }

    /** Prints what was covered, then fails unless each kind of case had its share. */
    void assertSearchedEverywhere(String property) {
        System.out.printf("%s covered: %d decisions, accepted %.3f, rejected %.3f, holds %.3f, transfers %.3f, "
                        + "overflows %.4f, legs judged %d; cases %s%n", property, decisions, share(accepted),
                share(rejected), share(holds), share(transfers), share(overflows), legs, cases);
        assertThat(share(accepted)).as("share accepted").isGreaterThan(0.30);
        assertThat(share(rejected)).as("share rejected").isGreaterThan(0.10);
        assertThat(share(holds)).as("share of hold decisions").isGreaterThan(0.08);
        assertThat(share(transfers)).as("share of transfer decisions").isGreaterThan(0.05);
        assertThat(share(overflows)).as("share of overflows").isGreaterThan(0.001);
        assertThat(cases).as("cases decided").containsKeys(CASES.toArray(String[]::new));
    }

    void assertLegsJudged(long atLeast) {
        assertThat(legs).as("transfer legs judged").isGreaterThanOrEqualTo(atLeast);
    }

    private double share(long count) {
        return decisions == 0 ? 0 : (double) count / decisions;
    }
}
