package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.ledger.LedgerQueryClient;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.platform.openapi.Access;
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

        /** PENDING with what was asked until the ledger has decided; then its decision and the numbers after it. */
        static RequestStatus of(AccountRequest request, Optional<DecisionView> decision, String transferStatus) {
            AccountRequestRow asked = AccountRequestRow.of(request);
            DecisionView decided = decision.orElse(null);
            return new RequestStatus(request.requestId(), request.accountId(), asked.kind().name(), asked.amountMinor(),
                    asked.currency(), asked.holdId(), asked.toAccountId(),
                    decided == null ? "PENDING" : decided.outcome(),
                    decided == null ? null : decided.rejectionCode(),
                    decided == null ? null : decided.reason(),
                    decided == null ? null : decided.balanceAfter(),
                    decided == null ? null : decided.availableAfter(),
                    decided == null ? null : decided.heldAfter(),
                    decided == null ? null : decided.versionAfter(),
                    decided == null ? null : decided.decidedAt(),
                    transferStatus);
        }
    }

    @Access("the account's owner, or account:read-any (anyone else gets 404)")
    @GetMapping("/v1/requests/{requestId}")
    RequestStatus status(CurrentUser actor, @PathVariable String requestId) {
        AccountRequest request = parse(requestId).flatMap(accounts::requestById)
                .filter(found -> accounts.find(found.accountId()).map(account -> account.visibleTo(actor)).orElse(false))
                .orElseThrow(() -> ApiProblem.notFound("request " + requestId + " does not exist"));
        Optional<DecisionView> decision = ledger.decision(request.accountId(), request.requestId().toString());
        String transferStatus = request instanceof AccountRequest.Transfer transfer
                ? decision.map(decided -> transferStatus(transfer, decided)).orElse(null) : null;
        return RequestStatus.of(request, decision, transferStatus);
    }

    /** Where the money of an accepted transfer is: the legs' decisions live on their accounts' partitions. */
    private String transferStatus(AccountRequest.Transfer request, DecisionView decided) {
        if (!decided.accepted()) {
            return null;
        }
        String transferId = request.requestId().toString();
        Optional<DecisionView> credit = ledger.decision(request.toAccountId(), LedgerRequestIds.transferIn(transferId));
        if (credit.isEmpty()) {
            return "IN_FLIGHT";
        }
        if (credit.get().accepted()) {
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
