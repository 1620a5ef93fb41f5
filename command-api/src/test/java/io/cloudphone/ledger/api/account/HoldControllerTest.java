package io.cloudphone.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudphone.ledger.api.ledger.LedgerQueryClient;
import io.cloudphone.ledger.api.web.ControllerSliceTest;
import io.cloudphone.ledger.platform.security.Permissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Holds over HTTP: what placing, capturing and releasing hand to {@link AccountCommands}, and whose holds are found. */
@WebMvcTest(HoldController.class)
class HoldControllerTest extends ControllerSliceTest {

    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID MALLORY = UUID.randomUUID();
    private static final UUID HOLD = UUID.randomUUID();

    @MockitoBean
    private AccountCommands commands;
    @MockitoBean
    private AccountRepository accounts;
    @MockitoBean
    private LedgerQueryClient ledger;

    @BeforeEach
    void aliceHasAHoldOnHerAccount() {
        when(accounts.find("alice-main")).thenReturn(Optional.of(new Account("alice-main", "CNY", ALICE, Instant.EPOCH)));
        when(accounts.findHold(HOLD)).thenReturn(Optional.of(new AccountRepository.HoldRecord(HOLD, "alice-main",
                UUID.randomUUID(), 500, "CNY", Instant.now().plus(1, ChronoUnit.HOURS))));
        when(commands.submit(any(), any(), any(), any()))
                .thenAnswer(call -> AccountCommands.Submitted.of(call.getArgument(1)));
    }

    @Test
    void placingAHoldGivesItANewIdAndAnswersWithTheHoldsUrl() throws Exception {
        Instant expiresAt = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        mvc.perform(post("/v1/accounts/alice-main/holds").header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN))
                        .header("Idempotency-Key", "hold-1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":500,\"currency\":\"CNY\",\"expiresAt\":\"" + expiresAt + "\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.holdUrl").value(org.hamcrest.Matchers.startsWith("/v1/holds/")));

        AccountRequest.PlaceHold placed = (AccountRequest.PlaceHold) submitted("hold-1");
        assertThat(placed.accountId()).isEqualTo("alice-main");
        assertThat(placed.amountMinor()).isEqualTo(500);
        assertThat(placed.expiresAt()).contains(expiresAt);
        assertThat(placed.holdId()).isNotEqualTo(HOLD);
    }

    @Test
    void aHoldWithoutExpiryIsPlacedWithoutOne() throws Exception {
        mvc.perform(post("/v1/accounts/alice-main/holds").header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN))
                        .header("Idempotency-Key", "hold-2").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":500,\"currency\":\"CNY\"}"))
                .andExpect(status().isAccepted());

        assertThat(((AccountRequest.PlaceHold) submitted("hold-2")).expiresAt()).isEmpty();
    }

    @Test
    void aCaptureWithoutBodyTakesTheWholeHoldAndWithAnAmountOnlyThatMuch() throws Exception {
        mvc.perform(post("/v1/holds/" + HOLD + "/capture").header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN))
                        .header("Idempotency-Key", "capture-all"))
                .andExpect(status().isAccepted());
        mvc.perform(post("/v1/holds/" + HOLD + "/capture").header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN))
                        .header("Idempotency-Key", "capture-part").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":200}"))
                .andExpect(status().isAccepted());

        assertThat(((AccountRequest.CaptureHold) submitted("capture-all")).amountMinor()).isEmpty();
        assertThat(((AccountRequest.CaptureHold) submitted("capture-part")).amountMinor()).isEqualTo(OptionalLong.of(200));
    }

    @Test
    void aReleaseGoesToTheAccountTheHoldIsOn() throws Exception {
        mvc.perform(post("/v1/holds/" + HOLD + "/release").header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN))
                        .header("Idempotency-Key", "release-1"))
                .andExpect(status().isAccepted());

        assertThat(submitted("release-1")).isInstanceOfSatisfying(AccountRequest.ReleaseHold.class, release -> {
            assertThat(release.accountId()).isEqualTo("alice-main");
            assertThat(release.holdId()).isEqualTo(HOLD);
        });
    }

    @Test
    void someoneElsesHoldAndAnUnknownHoldAreBoth404AndNothingIsSubmitted() throws Exception {
        mvc.perform(post("/v1/holds/" + HOLD + "/capture").header("Authorization", bearer(MALLORY, Permissions.ACCOUNT_OWN))
                        .header("Idempotency-Key", "steal"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/v1/holds/" + UUID.randomUUID() + "/release")
                        .header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN)).header("Idempotency-Key", "k"))
                .andExpect(status().isNotFound());

        verifyNoInteractions(commands);
    }

    private AccountRequest submitted(String idempotencyKey) {
        ArgumentCaptor<AccountRequest> request = ArgumentCaptor.forClass(AccountRequest.class);
        verify(commands).submit(any(), request.capture(), eq(idempotencyKey), eq(AccountCommands.Access.OWNER));
        return request.getValue();
    }
}
