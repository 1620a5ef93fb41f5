package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.ledger.LedgerQueryClient;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.schemas.ledger.LedgerRequestIds;
import io.cloudphone.ledger.schemas.query.DecisionView;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The status URL of every request: PENDING until the ledger decides, then ACCEPTED or REJECTED. */
@RestController
class RequestStatusController {

    private final AccountRepository accounts;
    private final LedgerQueryClient ledger;

    RequestStatusController(AccountRepository accounts, LedgerQueryClient ledger) {
        this.accounts = accounts;
        this.ledger = ledger;
    }

    /**
     * @param reason         why it was rejected, null otherwise
     * @param rejectionCode  machine-readable reason (e.g. INSUFFICIENT_FUNDS), null unless rejected
     * @param transferStatus for an accepted transfer: CREDITED once the destination has it, REFUNDED if it
     *                       refused, IN_FLIGHT until then; null for anything else
     */
    record RequestStatus(UUID requestId, String accountId, String kind, Long amount, String currency, UUID holdId,
                         String toAccountId, String status, String rejectionCode, String reason, Long balanceAfter,
                         Long availableAfter, Long heldAfter, Long versionAfter, String decidedAt,
                         String transferStatus) {
    }

    @GetMapping("/v1/requests/{requestId}")
    RequestStatus status(CurrentUser actor, @PathVariable String requestId) {
        AccountRequest request = parse(requestId).flatMap(accounts::requestById)
                .filter(found -> accounts.find(found.accountId()).map(account -> account.visibleTo(actor)).orElse(false))
                .orElseThrow(() -> ApiProblem.notFound("request " + requestId + " does not exist"));
        AccountRequestRow stored = AccountRequestRow.of(request);
        Optional<DecisionView> decision = ledger.decision(request.accountId(), request.requestId().toString());
        if (decision.isEmpty()) {
            return new RequestStatus(request.requestId(), request.accountId(), stored.kind().name(),
                    stored.amountMinor(), stored.currency(), stored.holdId(), stored.toAccountId(), "PENDING",
                    null, null, null, null, null, null, null, null);
        }
        DecisionView decided = decision.get();
        return new RequestStatus(request.requestId(), request.accountId(), stored.kind().name(), stored.amountMinor(),
                stored.currency(), stored.holdId(), stored.toAccountId(), decided.outcome(), decided.rejectionCode(),
                decided.reason(), decided.balanceAfter(), decided.availableAfter(), decided.heldAfter(),
                decided.versionAfter(), decided.decidedAt(),
                request instanceof AccountRequest.Transfer transfer ? transferStatus(transfer, decided) : null);
    }

    /** Where the money of an accepted transfer is: the legs' decisions live on their accounts' partitions. */
    private String transferStatus(AccountRequest.Transfer request, DecisionView decided) {
        if (!"ACCEPTED".equals(decided.outcome())) {
            return null;
        }
        String transferId = request.requestId().toString();
        Optional<DecisionView> credit = ledger.decision(request.toAccountId(), LedgerRequestIds.transferIn(transferId));
        if (credit.isEmpty()) {
            return "IN_FLIGHT";
        }
        if ("ACCEPTED".equals(credit.get().outcome())) {
            return "CREDITED";
        }
        return ledger.decision(request.accountId(), LedgerRequestIds.transferRefund(transferId)).isPresent()
                ? "REFUNDED" : "IN_FLIGHT";
    }

    private static Optional<UUID> parse(String requestId) {
        try {
            return Optional.of(UUID.fromString(requestId));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
