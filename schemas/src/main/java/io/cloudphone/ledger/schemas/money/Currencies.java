package io.cloudphone.ledger.schemas.money;

import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Which currency codes are money here: the ISO 4217 codes that have minor units. That leaves out the codes
 * ISO assigns to things that are not a currency one can hold an account in: XXX ("no currency"), XTS
 * (testing), precious metals (XAU, XAG, ...) and units of account such as XDR, all of which Java knows but
 * gives no minor units. command-api refuses the others at its door, and the ledger sets aside any command
 * that names one anyway.
 */
public final class Currencies {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private Currencies() {
    }

    public static boolean isMoney(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
