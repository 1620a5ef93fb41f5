package io.cloudphone.ledger.api.user;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudphone.ledger.api.web.ControllerSliceTest;
import io.cloudphone.ledger.platform.security.Permissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** External identity links over HTTP: a new link is 201, a repeated one 200, an unlink 204; no token, no link. */
@WebMvcTest(ExternalIdentityController.class)
class ExternalIdentityControllerTest extends ControllerSliceTest {

    private static final UUID ADMIN = UUID.randomUUID();
    private static final UUID ALICE = UUID.randomUUID();
    private static final ExternalIdentities.Identity AT_IDP = new ExternalIdentities.Identity("https://idp.example", "alice-7");

    @MockitoBean
    private ExternalIdentities identities;

    @Test
    void aNewLinkIsCreatedAndTheSameLinkAgainIsMerelyThere() throws Exception {
        when(identities.link(any(), eq(ALICE), eq("alice-7")))
                .thenReturn(new ExternalIdentities.Linked(AT_IDP, true), new ExternalIdentities.Linked(AT_IDP, false));

        mvc.perform(link()).andExpect(status().isCreated()).andExpect(jsonPath("$.issuer").value("https://idp.example"));
        mvc.perform(link()).andExpect(status().isOk()).andExpect(jsonPath("$.subject").value("alice-7"));
    }

    @Test
    void anUnlinkAnswersWithNoContent() throws Exception {
        mvc.perform(delete("/v1/users/" + ALICE + "/external-identity")
                        .header("Authorization", bearer(ADMIN, Permissions.USER_ADMIN)))
                .andExpect(status().isNoContent());

        verify(identities).unlink(any(), eq(ALICE));
    }

    @Test
    void withoutATokenNothingIsLinked() throws Exception {
        mvc.perform(put("/v1/users/" + ALICE + "/external-identity").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"alice-7\"}"))
                .andExpect(status().isUnauthorized());

        verifyNoInteractions(identities);
    }

    private org.springframework.test.web.servlet.RequestBuilder link() {
        return put("/v1/users/" + ALICE + "/external-identity").header("Authorization", bearer(ADMIN, Permissions.USER_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"alice-7\"}");
    }
}
