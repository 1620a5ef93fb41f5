package io.cloudphone.ledger.api.account;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;

/**
 * The answer to every account command: 202, the request id, PENDING (a replay: the decision if the ledger has made
 * it), and where to see the decision (and, for a new hold, the hold's id and URL).
 */
record Accepted(UUID requestId, String status, URI statusUrl, UUID holdId, URI holdUrl) {

    static ResponseEntity<Accepted> of(AccountCommands.Submitted submitted) {
        URI statusUrl = URI.create("/v1/requests/" + submitted.requestId());
        URI holdUrl = submitted.holdId() == null ? null : URI.create("/v1/holds/" + submitted.holdId());
        return ResponseEntity.accepted().location(statusUrl)
                .body(new Accepted(submitted.requestId(), submitted.status(), statusUrl, submitted.holdId(), holdUrl));
    }
}
