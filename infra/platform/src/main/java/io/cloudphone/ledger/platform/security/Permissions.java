package io.cloudphone.ledger.platform.security;

/**
 * The permissions the code checks. Roles (USER, OPERATOR, ADMIN, and any an administrator creates) are
 * sets of these, stored in the database; tokens carry the permissions of the user's roles in the claim
 * {@code permissions}, which Spring Security turns into authorities one for one.
 */
public final class Permissions {

    public static final String ACCOUNT_OWN = "account:own";
    public static final String ACCOUNT_READ_ANY = "account:read-any";
    public static final String LEDGER_READ = "ledger:read";
    public static final String LEDGER_ADJUST = "ledger:adjust";
    public static final String PAYMENTS_READ = "payments:read";
    public static final String RECONCILIATION_APPROVE = "reconciliation:approve";
    public static final String USER_ADMIN = "user:admin";
    public static final String ROLE_ADMIN = "role:admin";
    public static final String SYSTEM_MONITOR = "system:monitor";

    /** The JWT claim that holds them. */
    public static final String CLAIM = "permissions";

    private Permissions() {
    }
}
