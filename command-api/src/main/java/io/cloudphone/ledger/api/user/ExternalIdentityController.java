package io.cloudphone.ledger.api.user;

import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.platform.openapi.Access;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A user's identity at the configured external issuer: read by the user or an admin, set and removed by an admin. */
@RestController
class ExternalIdentityController {

    private final ExternalIdentities identities;

    ExternalIdentityController(ExternalIdentities identities) {
        this.identities = identities;
    }

    record LinkBody(String subject) {
    }

    record LinkView(String issuer, String subject) {
    }

    @Access("the user themself, or user:admin (anyone else gets 404)")
    @GetMapping("/v1/users/{userId}/external-identity")
    LinkView get(CurrentUser actor, @PathVariable UUID userId) {
        ExternalIdentities.Identity identity = identities.linkOf(actor, userId);
        return new LinkView(identity.issuer(), identity.subject());
    }

    /** 201 when the link is new, 200 when it was already there. */
    @Access("user:admin")
    @ApiResponse(responseCode = "201", description = "Linked now (200 when it was linked already)")
    @PutMapping("/v1/users/{userId}/external-identity")
    ResponseEntity<LinkView> link(CurrentUser actor, @PathVariable UUID userId, @RequestBody LinkBody body) {
        ExternalIdentities.Linked linked = identities.link(actor, userId, body.subject());
        return ResponseEntity.status(linked.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new LinkView(linked.identity().issuer(), linked.identity().subject()));
    }

    @Access("user:admin")
    @ApiResponse(responseCode = "204", description = "Unlinked")
    @DeleteMapping("/v1/users/{userId}/external-identity")
    ResponseEntity<Void> unlink(CurrentUser actor, @PathVariable UUID userId) {
        identities.unlink(actor, userId);
        return ResponseEntity.noContent().build();
    }
}
