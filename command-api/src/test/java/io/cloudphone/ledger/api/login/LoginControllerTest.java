package io.cloudphone.ledger.api.login;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.api.web.ControllerSliceTest;
import io.cloudphone.ledger.platform.security.TokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Log-in is open (no token needed) and bounds what an anonymous caller can make it do. */
@WebMvcTest(LoginController.class)
class LoginControllerTest extends ControllerSliceTest {

    @MockitoBean
    private LoginService logins;

    @Test
    void aGoodPasswordIsAnsweredWithABearerTokenWithoutAnyTokenAsked() throws Exception {
        UUID alice = UUID.randomUUID();
        Instant expiresAt = Instant.parse("2026-12-02T09:00:00Z");
        when(logins.login(any(), any(), any()))
                .thenReturn(new LoginService.LoggedIn(alice, new TokenIssuer.IssuedToken("signed", expiresAt)));

        mvc.perform(post("/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\",\"password\":\"correct horse\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accessToken").value("signed"))
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.userId").value(alice.toString()));
    }

    /** ApiProblem is a Spring ErrorResponseException: the platform renders it with its headers. */
    @Test
    void aRefusalIsProblemJsonWithItsStatusDetailAndRetryAfter() throws Exception {
        when(logins.login(any(), any(), any())).thenThrow(ApiProblem.retryAfter(CommandApiProblem.BUSY,
                "try again shortly", Duration.ofSeconds(90)));

        mvc.perform(post("/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\",\"password\":\"wrong\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "90"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Busy"))
                .andExpect(jsonPath("$.code").value("busy"))
                .andExpect(jsonPath("$.type").value("/problems/busy"))
                .andExpect(jsonPath("$.detail").value("try again shortly"))
                .andExpect(jsonPath("$.status").value(503));
    }

    @Test
    void aMissingOrOverlongCredentialIsA422BeforeAnyPasswordIsHashed() throws Exception {
        String overlong = "x".repeat(LoginController.CREDENTIAL_LENGTH_MAX + 1);
        for (String body : new String[] {"{\"username\":\"alice\"}", "{\"password\":\"p\"}",
                "{\"username\":\"alice\",\"password\":\"" + overlong + "\"}"}) {
            mvc.perform(post("/v1/auth/login").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verifyNoInteractions(logins);
    }
}
