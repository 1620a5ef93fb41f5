package io.cloudphone.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;
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
import io.cloudphone.ledger.api.security.LinkedUsers;
import io.cloudphone.ledger.platform.security.Permissions;
import io.cloudphone.ledger.platform.security.PlatformSecurityAutoConfiguration;
import io.cloudphone.ledger.platform.security.TestKeys;
import io.cloudphone.ledger.platform.security.TokenIssuer;
import io.cloudphone.ledger.platform.web.PlatformWebAutoConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The account endpoints as HTTP sees them, without a database or a ledger: what they accept, what they refuse
 * (problem+json, before anything is submitted), and what they hand to {@link AccountCommands}.
 */
@WebMvcTest(AccountController.class)
// The slice leaves out the security and platform auto-configurations; the real chain is what is under test here.
@ImportAutoConfiguration({SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, PlatformSecurityAutoConfiguration.class,
        PlatformWebAutoConfiguration.class})
class AccountControllerTest {

    private static final Path KEYS = keys();
    private static final UUID ALICE = UUID.randomUUID();

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TokenIssuer tokens;
    @MockitoBean
    private AccountCommands commands;
    @MockitoBean
    private AccountRepository accounts;
    @MockitoBean
    private LedgerQueryClient ledger;
    @MockitoBean
    private LinkedUsers linkedUsers;

    @DynamicPropertySource
    static void localIssuer(DynamicPropertyRegistry properties) {
        properties.add("cpl.security.jwt.private-key-location", () -> "file:" + KEYS.resolve("private.pem"));
        properties.add("cpl.security.jwt.public-key-location", () -> "file:" + KEYS.resolve("public.pem"));
        properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + KEYS.resolve("public.pem"));
        properties.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "cpl-api");
    }

    @Test
    void aRechargeIsHandedToTheCommandsWithItsKeyAndAnswered202WithItsStatusUrl() throws Exception {
        UUID requestId = UUID.randomUUID();
        when(commands.submit(any(), any(), eq("recharge-1"), eq(AccountCommands.Access.OWNER)))
                .thenReturn(new AccountCommands.Submitted(requestId, null));

        mvc.perform(post("/v1/accounts/alice-main/recharges").header("Authorization", bearer())
                        .header("Idempotency-Key", "recharge-1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":1000,\"currency\":\"CNY\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requestId").value(requestId.toString()))
                .andExpect(jsonPath("$.statusUrl").value("/v1/requests/" + requestId));

        ArgumentCaptor<AccountRequest> draft = ArgumentCaptor.forClass(AccountRequest.class);
        verify(commands).submit(any(), draft.capture(), eq("recharge-1"), eq(AccountCommands.Access.OWNER));
        assertThat(draft.getValue()).extracting(AccountRequest::accountId, AccountRequest::kind,
                AccountRequest::amountMinor, AccountRequest::currency, AccountRequest::actorId)
                .containsExactly("alice-main", RequestKind.RECHARGE, 1000L, "CNY", ALICE);
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
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Idempotency-Key")));
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
        return "Bearer " + tokens.forUser(ALICE, "alice", List.of("USER"), List.of(Permissions.ACCOUNT_OWN)).value();
    }

    private static Path keys() {
        try {
            Path dir = Files.createTempDirectory("command-api-keys");
            TestKeys.writePem(TestKeys.newKeyPair(), dir);
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
