package io.cloudphone.ledger.schemas.serde;

/** The registry answered 404: no such schema id, or the schema is not registered under the subject. */
public final class SchemaNotFoundException extends SerdeException {

    public SchemaNotFoundException(String message) {
        super(message);
    }
}
