package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.ledger.LedgerQueryClient;
import io.cloudphone.ledger.api.ledger.LedgerQueryClient.LedgerDecision;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
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
     * @param reason        why it was rejected, null otherwise
     * @param rejectionCode machine-readable reason (e.g. INSUFFICIENT_FUNDS), null unless rejected
     */
    record RequestStatus(UUID requestId, String accountId, String kind, Long amount, String currency, String status,
                         String rejectionCode, String reason, Long balanceAfter, Long versionAfter, String decidedAt) {
    }

    @GetMapping("/v1/requests/{requestId}")
    RequestStatus status(CurrentUser actor, @PathVariable String requestId) {
        AccountRequest request = parse(requestId).flatMap(accounts::requestById)
                .filter(found -> accounts.find(found.accountId()).map(account -> account.visibleTo(actor)).orElse(false))
                .orElseThrow(() -> ApiProblem.notFound("request " + requestId + " does not exist"));
        return ledger.decision(request.accountId(), request.requestId().toString())
                .map(decision -> decided(request, decision))
                .orElseGet(() -> new RequestStatus(request.requestId(), request.accountId(), request.kind().name(),
                        request.amountMinor(), request.currency(), "PENDING", null, null, null, null, null));
    }

    private static RequestStatus decided(AccountRequest request, LedgerDecision decision) {
        return new RequestStatus(request.requestId(), request.accountId(), request.kind().name(),
                request.amountMinor(), request.currency(), decision.outcome(), decision.rejectionCode(),
                decision.reason(), decision.balanceAfter(), decision.versionAfter(), decision.decidedAt());
    }

    private static java.util.Optional<UUID> parse(String requestId) {
        try {
            return java.util.Optional.of(UUID.fromString(requestId));
        } catch (IllegalArgumentException notAUuid) {
            return java.util.Optional.empty();
        }
    }
}
