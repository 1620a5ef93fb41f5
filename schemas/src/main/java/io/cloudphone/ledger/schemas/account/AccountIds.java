package io.cloudphone.ledger.schemas.account;

import java.util.regex.Pattern;

/**
 * The shape of a customer account id, checked by command-api when an account is opened and by the ledger on
 * every command. The ledger keys its stores by {@code <accountId>/...} and names system accounts
 * {@code @...}, so an id may hold neither '/' nor '@': it could otherwise read another account's entries.
 */
public final class AccountIds {

    public static final int LENGTH_MAX = 64;
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._-]{1," + LENGTH_MAX + "}");

    private AccountIds() {
    }

    public static boolean isValid(String accountId) {
        return accountId != null && PATTERN.matcher(accountId).matches();
    }
}
