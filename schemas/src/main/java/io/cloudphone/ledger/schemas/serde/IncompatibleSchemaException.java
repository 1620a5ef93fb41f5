package io.cloudphone.ledger.schemas.serde;

/** The registry refused a schema because it breaks the subject's compatibility rule (HTTP 409). */
public class IncompatibleSchemaException extends SerdeException {

    public IncompatibleSchemaException(String subject, String registryMessage) {
        super("schema refused by the registry for subject " + subject + " (incompatible): " + registryMessage);
    }
}
