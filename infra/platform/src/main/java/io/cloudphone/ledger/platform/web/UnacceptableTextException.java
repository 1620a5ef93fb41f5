package io.cloudphone.ledger.platform.web;

/** A request body's field breaks {@link BodyTextCheck}'s rules: answered 422 naming the field, not its value. */
public final class UnacceptableTextException extends RuntimeException {

    private final String field;

    public UnacceptableTextException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
