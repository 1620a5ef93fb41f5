package io.cloudphone.ledger.api.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.web.ControllerSliceTest;
import io.cloudphone.ledger.platform.security.Permissions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Users over HTTP: who may register and create, what a client is shown, and what input reaches {@link UserCommands}. */
@WebMvcTest(UserController.class)
class UserControllerTest extends ControllerSliceTest {

    private static final UUID ALICE = UUID.randomUUID();

    @MockitoBean
    private UserCommands commands;

    @Test
    void registeringNeedsNoTokenGivesTheDefaultRoleAndAnswersWithTheUsersUrl() throws Exception {
        when(commands.create(any())).thenReturn(alice());

        mvc.perform(post("/v1/auth/register").contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"Alice","email":"alice@example.com","displayName":"Alice","password":"correct horse"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/v1/users/" + ALICE))
                .andExpect(jsonPath("$.username").value("alice"))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.passwordHash").doesNotExist());

        ArgumentCaptor<UserCommands.NewUser> created = ArgumentCaptor.forClass(UserCommands.NewUser.class);
        verify(commands).create(created.capture());
        assertThat(created.getValue().username()).isEqualTo("alice");
        assertThat(created.getValue().roles()).containsExactly(UserCommands.DEFAULT_ROLE);
    }

    @Test
    void aRegistrationWithABadUsernameIsAProblemAndCreatesNobody() throws Exception {
        mvc.perform(post("/v1/auth/register").contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"a b","email":"alice@example.com","password":"correct horse"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("username")));

        verifyNoInteractions(commands);
    }

    @Test
    void creatingAUserNeedsUserAdmin() throws Exception {
        String body = """
                {"username":"bob","email":"bob@example.com","password":"correct horse","roles":["SUPPORT","USER"]}""";

        mvc.perform(post("/v1/users").header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        verifyNoInteractions(commands);

        when(commands.create(any())).thenReturn(alice());
        mvc.perform(post("/v1/users").header("Authorization", bearer(ALICE, Permissions.USER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        ArgumentCaptor<UserCommands.NewUser> created = ArgumentCaptor.forClass(UserCommands.NewUser.class);
        verify(commands).create(created.capture());
        assertThat(created.getValue().roles()).containsExactly("SUPPORT", "USER");
    }

    @Test
    void readingUsersNeedsAToken() throws Exception {
        mvc.perform(get("/v1/users/me")).andExpect(status().isUnauthorized());

        verifyNoInteractions(commands);
    }

    @Test
    void meIsTheUserOfTheToken() throws Exception {
        when(commands.visibleUser(any(), eq(ALICE))).thenReturn(alice());

        mvc.perform(get("/v1/users/me").header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(ALICE.toString()));

        ArgumentCaptor<CurrentUser> actor = ArgumentCaptor.forClass(CurrentUser.class);
        verify(commands).visibleUser(actor.capture(), eq(ALICE));
        assertThat(actor.getValue().userId()).isEqualTo(ALICE);
    }

    @Test
    void anUpdateLeavesOutWhatTheBodyLeavesOut() throws Exception {
        when(commands.update(any(), eq(ALICE), any(), any(), any())).thenReturn(alice());

        mvc.perform(patch("/v1/users/" + ALICE).header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\":\"Alice L.\"}"))
                .andExpect(status().isOk());

        verify(commands).update(any(), eq(ALICE), isNull(), eq("Alice L."), isNull());
    }

    @Test
    void aPasswordChangeWithoutTheCurrentPasswordIsAProblem() throws Exception {
        mvc.perform(post("/v1/users/" + ALICE + "/password").header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"newPassword\":\"correct horse 2\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("currentPassword is required"));

        verifyNoInteractions(commands);
    }

    private static User alice() {
        return new User(ALICE, "alice", "alice@example.com", "Alice", List.of(UserCommands.DEFAULT_ROLE), 1,
                Instant.parse("2026-12-01T00:00:00Z"), null, null, null);
    }
}
