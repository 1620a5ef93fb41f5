package io.cloudphone.ledger.api.role;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudphone.ledger.api.web.ControllerSliceTest;
import io.cloudphone.ledger.platform.security.Permissions;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Roles over HTTP: read by anyone signed in, changed only with {@code role:admin}, permission names checked first. */
@WebMvcTest(RoleController.class)
class RoleControllerTest extends ControllerSliceTest {

    private static final UUID ALICE = UUID.randomUUID();

    @MockitoBean
    private RoleCommands commands;
    @MockitoBean
    private RoleRepository roles;

    @Test
    void anySignedInUserReadsTheRolesButNobodyWithoutAToken() throws Exception {
        when(roles.all()).thenReturn(List.of(new Role(UUID.randomUUID(), "USER", 1, List.of(Permissions.ACCOUNT_OWN))));

        mvc.perform(get("/v1/roles").header("Authorization", bearer(ALICE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("USER"));
        mvc.perform(get("/v1/roles")).andExpect(status().isUnauthorized());
    }

    @Test
    void creatingOrChangingARoleNeedsRoleAdmin() throws Exception {
        String body = "{\"name\":\"SUPPORT\",\"permissions\":[\"user:admin\"]}";

        mvc.perform(post("/v1/roles").header("Authorization", bearer(ALICE, Permissions.USER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(put("/v1/roles/USER").header("Authorization", bearer(ALICE, Permissions.USER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());

        verifyNoInteractions(commands);
    }

    @Test
    void aNewRolesPermissionsAreDeduplicatedAndSorted() throws Exception {
        when(commands.create(eq("SUPPORT"), anyList()))
                .thenAnswer(call -> new Role(UUID.randomUUID(), "SUPPORT", 1, call.getArgument(1)));

        mvc.perform(post("/v1/roles").header("Authorization", bearer(ALICE, Permissions.ROLE_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"SUPPORT\",\"permissions\":[\"user:admin\",\"account:read-any\",\"user:admin\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/v1/roles/SUPPORT"));

        verify(commands).create("SUPPORT", List.of(Permissions.ACCOUNT_READ_ANY, Permissions.USER_ADMIN));
    }

    @Test
    void aPermissionThatIsNotResourceColonActionIsAProblemAndChangesNothing() throws Exception {
        for (String permissions : List.of("[\"admin\"]", "[\"User:Admin\"]", "[null]", "null")) {
            mvc.perform(put("/v1/roles/SUPPORT").header("Authorization", bearer(ALICE, Permissions.ROLE_ADMIN))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"permissions\":" + permissions + "}"))
                    .andExpect(status().isUnprocessableContent());
        }

        verifyNoInteractions(commands);
    }

    @Test
    void aRoleHoldsAtMostItsLimitOfPermissions() throws Exception {
        String tooMany = String.join(",", Collections.nCopies(RoleController.PERMISSIONS_MAX + 1, "\"user:admin\""));

        mvc.perform(put("/v1/roles/SUPPORT").header("Authorization", bearer(ALICE, Permissions.ROLE_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"permissions\":[" + tooMany + "]}"))
                .andExpect(status().isUnprocessableContent());

        verify(commands, org.mockito.Mockito.never()).update(any(), any());
    }
}
