package io.cloudphone.ledger.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerStoresTest {

    @Test
    void entryKeysSortByAccountThenVersionThenIndex() {
        List<String> keys = new ArrayList<>(List.of(
                LedgerStores.entryKey("acc", 10, 0), LedgerStores.entryKey("acc", 9, 1), LedgerStores.entryKey("acc", 9, 0),
                LedgerStores.entryKey("acc-b", 1, 0), LedgerStores.entryKey("acc0", 1, 0)));
        Collections.sort(keys);

        assertThat(keys).containsExactly(LedgerStores.entryKey("acc-b", 1, 0), LedgerStores.entryKey("acc", 9, 0),
                LedgerStores.entryKey("acc", 9, 1), LedgerStores.entryKey("acc", 10, 0), LedgerStores.entryKey("acc0", 1, 0));
    }

    @Test
    void anAccountsEntriesLieBetweenItsPrefixAndItsUpperBound() {
        String key = LedgerStores.entryKey("acc", 5, 2);

        assertThat(key).startsWith(LedgerStores.entryPrefix("acc"));
        assertThat(key.compareTo(LedgerStores.entryKeyUpTo("acc", 5))).isNegative();
        assertThat(key.compareTo(LedgerStores.entryKeyUpTo("acc", 4))).isPositive();
        assertThat(LedgerStores.entryKey("acc", Long.MAX_VALUE, 999)).isEqualTo(LedgerStores.entryKeyUpTo("acc", Long.MAX_VALUE));
    }

    @Test
    void paddingKeepsNumericOrderAndRefusesWhatDoesNotFit() {
        assertThat(LedgerStores.padded(42, 5)).isEqualTo("00042");
        assertThat(LedgerStores.padded(Long.MAX_VALUE, 19)).isEqualTo(Long.toString(Long.MAX_VALUE));
        assertThatThrownBy(() -> LedgerStores.padded(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerStores.padded(123456, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expiryKeysSortByTimeAndTheBoundCoversEveryHoldDueThen() {
        assertThat(LedgerStores.expiryKey(999, "h").compareTo(LedgerStores.expiryKey(1000, "a"))).isNegative();
        assertThat(LedgerStores.expiryKey(1000, "zzz").compareTo(LedgerStores.expiryKeyAfter(1000))).isNegative();
        assertThat(LedgerStores.expiryKey(1001, "a").compareTo(LedgerStores.expiryKeyAfter(1000))).isPositive();
    }
}
