package io.cloudphone.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudphone.ledger.api.ledger.LedgerQueryClient;
import io.cloudphone.ledger.api.web.ControllerSliceTest;
import io.cloudphone.ledger.platform.security.Permissions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The account endpoints as HTTP sees them, without a database or a ledger: what they accept, what they refuse
 * (problem+json, before anything is submitted), and what they hand to {@link AccountCommands}.
 */
@WebMvcTest(AccountController.class)
class AccountControllerTest extends ControllerSliceTest {

    private static final UUID ALICE = UUID.randomUUID();

    @MockitoBean
    private AccountCommands commands;
    @MockitoBean
    private AccountRepository accounts;
    @MockitoBean
    private LedgerQueryClient ledger;

    @Test
    void aRechargeIsHandedToTheCommandsWithItsKeyAndAnswered202WithItsStatusUrl() throws Exception {
        UUID requestId = UUID.randomUUID();
        when(commands.submit(any(), any(), eq("recharge-1"), eq(AccountCommands.Access.OWNER)))
                .thenReturn(new AccountCommands.Submitted(requestId, null, false, "PENDING"));

        mvc.perform(post("/v1/accounts/alice-main/recharges").header("Authorization", bearer())
                        .header("Idempotency-Key", "recharge-1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":1000,\"currency\":\"CNY\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requestId").value(requestId.toString()))
                .andExpect(jsonPath("$.statusUrl").value("/v1/requests/" + requestId));

        ArgumentCaptor<AccountRequest> draft = ArgumentCaptor.forClass(AccountRequest.class);
        verify(commands).submit(any(), draft.capture(), eq("recharge-1"), eq(AccountCommands.Access.OWNER));
        assertThat(draft.getValue()).isEqualTo(
                new AccountRequest.Recharge(draft.getValue().requestId(), "alice-main", ALICE, 1000, "CNY"));
    }

    @Test
    void badAmountsAndCurrenciesAre422ProblemsAndNothingIsSubmitted() throws Exception {
        for (String body : List.of("{\"amount\":-5,\"currency\":\"CNY\"}", "{\"amount\":1.5,\"currency\":\"CNY\"}",
                "{\"amount\":10,\"currency\":\"XXX\"}", "{\"currency\":\"CNY\"}")) {
            mvc.perform(post("/v1/accounts/alice-main/consumptions").header("Authorization", bearer())
                            .header("Idempotency-Key", "k").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verifyNoInteractions(commands);
    }

    @Test
    void aMoneyMovementWithoutIdempotencyKeyIsA400() throws Exception {
        mvc.perform(post("/v1/accounts/alice-main/recharges").header("Authorization", bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":1000,\"currency\":\"CNY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key")));
        verifyNoInteractions(commands);
    }

    @Test
    void anAccountIdOutsideTheAlphabetIsRefusedWhenOpening() throws Exception {
        mvc.perform(post("/v1/accounts").header("Authorization", bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\":\"a/b\",\"currency\":\"CNY\"}"))
                .andExpect(status().isUnprocessableContent());
        verifyNoInteractions(commands);
    }

    @Test
    void withoutATokenNothingIsReachedAndTheAnswerIs401() throws Exception {
        mvc.perform(post("/v1/accounts/alice-main/recharges").header("Idempotency-Key", "k")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":1000,\"currency\":\"CNY\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(commands);
    }

    private String bearer() {
        return bearer(ALICE, Permissions.ACCOUNT_OWN);
    }
}
