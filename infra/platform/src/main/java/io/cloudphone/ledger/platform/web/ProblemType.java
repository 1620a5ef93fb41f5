package io.cloudphone.ledger.platform.web;

import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * A kind of problem an app answers: a stable, machine-readable {@link #code()} that clients branch on (titles and
 * details are for people and may be reworded), the HTTP status it always comes with, and what it means. Every
 * problem+json body carries the code as {@code code} and {@link #type()} as {@code type}; each app serves its
 * catalogue at {@code GET /problems} and each entry at its type URI.
 *
 * <p>Implemented by enums, one per module that answers problems of its own ({@link CommonProblem} for the ones
 * every app shares). A code, once published, is never reused for another meaning.
 */
public interface ProblemType {

    /** Where each app serves the catalogue; a type URI is this plus the code. */
    String CATALOGUE_PATH = "/problems";

    /** What a problem type is, written once per enum constant. */
    record Spec(String code, HttpStatus status, String title, String meaning) {
        private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

        public Spec {
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("a problem code is lower-case words joined by hyphens: " + code);
            }
            if (!status.isError()) {
                throw new IllegalArgumentException("a problem's status is 4xx or 5xx: " + code + " " + status);
            }
        }
    }

    Spec spec();

    /** Lower-case words joined by hyphens, e.g. {@code insufficient-funds}. */
    default String code() {
        return spec().code();
    }

    default HttpStatus status() {
        return spec().status();
    }

    /** Short, the same for every problem of this type. */
    default String title() {
        return spec().title();
    }

    /** When a client gets it and what the client can do about it. */
    default String meaning() {
        return spec().meaning();
    }

    /**
     * A URI reference relative to the app that answered (RFC 9457 allows it): it resolves to this type's entry in
     * that app's catalogue, so the type can be looked up where the problem came from.
     */
    default URI type() {
        return URI.create(CATALOGUE_PATH + "/" + code());
    }
}
