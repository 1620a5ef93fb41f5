package io.cloudphone.ledger.api.account;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Every account command answers 202 with {@link Accepted}, never 200: the document says so for each operation that
 * returns it (springdoc cannot see the status a {@code ResponseEntity} is built with).
 */
@Component
class AcceptedDocumentation implements OperationCustomizer {

    static final String DESCRIPTION = "Accepted: recorded with its outbox event and decided by the ledger within "
            + "milliseconds; poll statusUrl for ACCEPTED or REJECTED (with rejectionCode)";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
        boolean accepted = returned.toClass() == ResponseEntity.class && returned.getGeneric(0).toClass() == Accepted.class;
        if (accepted && operation.getResponses() != null) {
            ApiResponse ok = operation.getResponses().remove("200");
            if (ok != null) {
                operation.getResponses().addApiResponse("202", ok.description(DESCRIPTION));
            }
        }
        return operation;
    }
}
