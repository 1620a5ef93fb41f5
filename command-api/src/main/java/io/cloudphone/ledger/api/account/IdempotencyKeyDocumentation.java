package io.cloudphone.ledger.api.account;

import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The Idempotency-Key rules, written into every operation of the OpenAPI document that reads the header. The
 * controllers declare it optional only so that a missing key is answered with the API's own problem
 * ({@code idempotency-key-required}) rather than the framework's; every command that takes it requires it.
 */
@Component
class IdempotencyKeyDocumentation implements GlobalOpenApiCustomizer {

    static final String RULES = "Required, 1 to " + CommandInput.IDEMPOTENCY_KEY_LENGTH_MAX + " characters, chosen by "
            + "the client, one per command. Scope: the account in the path (the paying account for a transfer, the "
            + "hold's account for a capture or release). Kept for as long as the request is (no expiry). A retry under "
            + "the same key with the same body writes nothing and answers 202 with the first request's requestId "
            + "and its status: ACCEPTED or REJECTED once the ledger has decided, PENDING before; the same key with another "
            + "body is 409 idempotency-key-reused. Opening an account takes no key: its account id is its key.";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(IdempotencyKeyDocumentation::isIdempotencyKey)
                        .forEach(parameter -> parameter.required(true).description(RULES));
            }
        }));
    }

    private static boolean isIdempotencyKey(Parameter parameter) {
        return "header".equals(parameter.getIn()) && AccountController.IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName());
    }
}
