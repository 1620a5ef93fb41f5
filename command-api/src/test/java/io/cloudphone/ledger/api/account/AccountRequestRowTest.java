package io.cloudphone.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountRequestRowTest {

    private static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID ACTOR = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final UUID HOLD = UUID.fromString("00000000-0000-0000-0000-0000000000b0");
    private static final Instant EXPIRY = Instant.parse("2026-12-02T08:00:00Z");

    private static final List<AccountRequest> ONE_OF_EACH_KIND = List.of(
            new AccountRequest.Open(REQUEST, "alice", ACTOR, "CNY"),
            new AccountRequest.Recharge(REQUEST, "alice", ACTOR, 1_000, "CNY"),
            new AccountRequest.Consume(REQUEST, "alice", ACTOR, 250, "CNY"),
            new AccountRequest.Adjust(REQUEST, "alice", ACTOR, -75, "CNY", "chargeback 42"),
            new AccountRequest.SetOverdraftLimit(REQUEST, "alice", ACTOR, 0, "CNY"),
            new AccountRequest.Transfer(REQUEST, "alice", ACTOR, "bob", 300, "CNY"),
            new AccountRequest.PlaceHold(REQUEST, "alice", ACTOR, HOLD, 500, "CNY", Optional.of(EXPIRY)),
            new AccountRequest.PlaceHold(REQUEST, "alice", ACTOR, HOLD, 500, "CNY", Optional.empty()),
            new AccountRequest.CaptureHold(REQUEST, "alice", ACTOR, HOLD, OptionalLong.of(200), "CNY"),
            new AccountRequest.CaptureHold(REQUEST, "alice", ACTOR, HOLD, OptionalLong.empty(), "CNY"),
            new AccountRequest.ReleaseHold(REQUEST, "alice", ACTOR, HOLD, "CNY"));

    @Test
    void everyKindReadsBackAsTheRequestItWasStoredFrom() {
        for (AccountRequest request : ONE_OF_EACH_KIND) {
            assertThat(AccountRequestRow.of(request).toRequest(REQUEST, "alice", ACTOR)).isEqualTo(request);
        }
    }

    @Test
    void everyKindHasItsOwnRowKind() {
        assertThat(ONE_OF_EACH_KIND.stream().map(r -> AccountRequestRow.of(r).kind()).distinct())
                .containsExactlyInAnyOrder(RequestKind.values());
    }

    /** Rows already stored carry fingerprints in this format; a change would turn their replays into 409s. */
    @Test
    void fingerprintsKeepTheFormatOfRowsAlreadyStored() {
        assertThat(new AccountRequest.Recharge(REQUEST, "alice", ACTOR, 1_000, "CNY").fingerprint())
                .isEqualTo("RECHARGE|1000|CNY|null|null|null|null");
        assertThat(new AccountRequest.PlaceHold(REQUEST, "alice", ACTOR, HOLD, 500, "CNY", Optional.of(EXPIRY)).fingerprint())
                .isEqualTo("HOLD|500|CNY|-|null|null|2026-12-02T08:00:00Z");
        assertThat(new AccountRequest.PlaceHold(REQUEST, "alice", ACTOR, HOLD, 500, "CNY", Optional.empty()).fingerprint())
                .isEqualTo("HOLD|500|CNY|-|null|null|null");
        assertThat(new AccountRequest.CaptureHold(REQUEST, "alice", ACTOR, HOLD, OptionalLong.empty(), "CNY")
                .fingerprint()).isEqualTo("CAPTURE|null|CNY|" + HOLD + "|null|null|null");
    }

    @Test
    void aNewHoldsIdIsNotPartOfItsFingerprintSoAReplayedKeyMatches() {
        AccountRequest first = new AccountRequest.PlaceHold(REQUEST, "alice", ACTOR, HOLD, 500, "CNY", Optional.of(EXPIRY));
        AccountRequest retry = new AccountRequest.PlaceHold(UUID.randomUUID(), "alice", ACTOR, UUID.randomUUID(), 500,
                "CNY", Optional.of(EXPIRY));

        assertThat(retry.fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void aRowThatBreaksItsKindsShapeFailsWhenRead() {
        AccountRequestRow rechargeWithoutAmount =
                new AccountRequestRow(RequestKind.RECHARGE, null, "CNY", null, null, null, null);
        AccountRequestRow holdWithoutId = new AccountRequestRow(RequestKind.HOLD, 5L, "CNY", null, null, null, EXPIRY);

        assertThatThrownBy(() -> rechargeWithoutAmount.toRequest(REQUEST, "alice", ACTOR))
                .hasMessageContaining("RECHARGE row without amount_minor");
        assertThatThrownBy(() -> holdWithoutId.toRequest(REQUEST, "alice", ACTOR)).hasMessageContaining("holdId");
    }

    @Test
    void aRequestThatBreaksItsKindsRulesCannotBeMade() {
        assertThatThrownBy(() -> new AccountRequest.Recharge(REQUEST, "alice", ACTOR, 0, "CNY"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccountRequest.Adjust(REQUEST, "alice", ACTOR, 5, "CNY", " "))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> new AccountRequest.Transfer(REQUEST, "alice", ACTOR, "alice", 5, "CNY"))
                .hasMessageContaining("two different accounts");
        assertThatThrownBy(() -> new AccountRequest.SetOverdraftLimit(REQUEST, "alice", ACTOR, -1, "CNY"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
