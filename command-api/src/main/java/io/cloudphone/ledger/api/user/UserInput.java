package io.cloudphone.ledger.api.user;

import io.cloudphone.ledger.api.system.ApiProblem;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of user input, done before anything touches the database. Pure, so unit-tested alone. */
public final class UserInput {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    /** Deliberately plain: one @, no spaces or control characters, a dot in the domain. Delivery proves the rest. */
    static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");
    static final int EMAIL_LENGTH_MAX = 254;
    static final int DISPLAY_NAME_LENGTH_MAX = 100;
    /** NIST SP 800-63B: at least 8; BCrypt only reads the first 72 bytes, so longer would be silently cut. */
    static final int PASSWORD_LENGTH_MIN = 8;
    static final int PASSWORD_BYTES_MAX = 72;
    static final Pattern ROLE_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    static final int ROLES_MAX = 16;

    private UserInput() {
    }

    /** Usernames are case-insensitive: stored and compared in lower case. */
    public static String username(String username) {
        if (username == null || !USERNAME.matcher(username.toLowerCase(Locale.ROOT)).matches()) {
            throw ApiProblem.invalid("username must be 3 to 32 characters of a-z, 0-9, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        return username.toLowerCase(Locale.ROOT);
    }

    public static String email(String email) {
        if (email == null || email.length() > EMAIL_LENGTH_MAX || !EMAIL.matcher(email).matches()) {
            throw ApiProblem.invalid("email must look like name@example.com (at most " + EMAIL_LENGTH_MAX + " characters)");
        }
        return email;
    }

    /**
     * Free text, stored as given (never interpreted), shown to other people: so its length, control characters and
     * invisible format characters (Unicode category Cf: bidi overrides such as U+202E, zero-width spaces and joiners,
     * U+FEFF) are refused, or "\u202Eadmin\u200B" would pass for someone else. The price: emoji joined by U+200D.
     */
    static final int SUSPENSION_REASON_LENGTH_MAX = 200;

    public static String displayName(String displayName) {
        if (displayName == null) {
            return null;
        }
        return visibleText("displayName", displayName, DISPLAY_NAME_LENGTH_MAX);
    }

    /** An administrator's note; shown to other administrators, so held to the rules of a display name. */
    public static String suspensionReason(String reason) {
        if (reason == null) {
            return null;
        }
        return visibleText("reason", reason, SUSPENSION_REASON_LENGTH_MAX);
    }

    /** Text other people read: bounded, and nothing in it that hides or reorders what they see. */
    private static String visibleText(String field, String text, int lengthMax) {
        if (text.length() > lengthMax || text.codePoints().anyMatch(UserInput::isHidden)) {
            throw ApiProblem.invalid(field + " must be at most " + lengthMax
                    + " characters without control or invisible formatting characters (bidi overrides, zero-width)");
        }
        return text;
    }

    private static boolean isHidden(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
    }

    public static String password(String password) {
        if (password == null || password.length() < PASSWORD_LENGTH_MIN) {
            throw ApiProblem.invalid("password must be at least " + PASSWORD_LENGTH_MIN + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PASSWORD_BYTES_MAX) {
            throw ApiProblem.invalid("password must be at most " + PASSWORD_BYTES_MAX + " bytes in UTF-8");
        }
        return password;
    }

    public static List<String> roles(List<String> roles) {
        if (roles == null || roles.isEmpty() || roles.size() > ROLES_MAX) {
            throw ApiProblem.invalid("roles must name 1 to " + ROLES_MAX + " roles");
        }
        for (String role : roles) {
            roleName(role);
        }
        return roles.stream().distinct().sorted().toList();
    }

    public static String roleName(String role) {
        if (role == null || !ROLE_NAME.matcher(role).matches()) {
            throw ApiProblem.invalid("a role name is 1 to 32 characters of A-Z, 0-9 or '_', starting with a letter");
        }
        return role;
    }
}
