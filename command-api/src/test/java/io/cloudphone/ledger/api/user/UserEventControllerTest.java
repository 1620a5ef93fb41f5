package io.cloudphone.ledger.api.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.api.web.ControllerSliceTest;
import io.cloudphone.ledger.platform.paging.Page;
import io.cloudphone.ledger.platform.paging.PageRequest;
import io.cloudphone.ledger.platform.security.Permissions;
import io.cloudphone.ledger.schemas.user.UserEventAppended;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** A user's event stream over HTTP: appends need {@code user:admin} and an expected version; bad batches land nothing. */
@WebMvcTest(UserEventController.class)
class UserEventControllerTest extends ControllerSliceTest {

    private static final UUID ALICE = UUID.randomUUID();

    @MockitoBean
    private UserCommands users;
    @MockitoBean
    private UserEventStore store;
    @MockitoBean
    private TransactionRunner transactions;

    @BeforeEach
    void transactionsRunAtOnce() {
        runsWorkAtOnce(transactions);
    }

    @Test
    void anAppendedBatchGoesToTheStoreAtTheExpectedVersionWithItsDataAsJson() throws Exception {
        when(store.append(eq(ALICE), eq(3L), anyList())).thenReturn(5L);

        mvc.perform(post("/v1/users/" + ALICE + "/events").header("Authorization", bearer(ALICE, Permissions.USER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"expectedVersion":3,"events":[{"type":"KycPassed","data":{"level":2}},{"type":"Noted"}]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(5));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<PendingUserEvent>> appended = ArgumentCaptor.forClass(List.class);
        verify(store).append(eq(ALICE), eq(3L), appended.capture());
        assertThat(appended.getValue()).extracting(PendingUserEvent::type).containsExactly("KycPassed", "Noted");
        assertThat(((UserEventAppended) appended.getValue().get(0).body()).getDataJson()).isEqualTo("{\"level\":2}");
        assertThat(appended.getValue().get(1).data()).isEmpty();
    }

    @Test
    void appendingNeedsUserAdminEvenForOnesOwnStream() throws Exception {
        mvc.perform(post("/v1/users/" + ALICE + "/events").header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedVersion\":1,\"events\":[{\"type\":\"Noted\"}]}"))
                .andExpect(status().isForbidden());

        verify(store, never()).append(any(), anyLong(), anyList());
    }

    @Test
    void aBatchWithoutAnExpectedVersionOrWithABadEventLandsNothing() throws Exception {
        String tooMany = String.join(",", Collections.nCopies(UserEventStore.BATCH_EVENTS_MAX + 1, "{\"type\":\"Noted\"}"));
        List<String> refused = List.of(
                "{\"events\":[{\"type\":\"Noted\"}]}",
                "{\"expectedVersion\":0,\"events\":[{\"type\":\"Noted\"}]}",
                "{\"expectedVersion\":1,\"events\":[]}",
                "{\"expectedVersion\":1,\"events\":[" + tooMany + "]}",
                "{\"expectedVersion\":1,\"events\":[{\"type\":\"Noted\"},{\"type\":\"lowercase\"}]}",
                "{\"expectedVersion\":1,\"events\":[null]}",
                "{\"expectedVersion\":1,\"events\":[{\"type\":\"UserDeleted\"}]}",
                "{\"expectedVersion\":1,\"events\":[{\"type\":\"Noted\"},{\"type\":\"PasswordChanged\"}]}",
                "{\"expectedVersion\":" + Long.MAX_VALUE + ",\"events\":[{\"type\":\"Noted\"}]}");

        for (String body : refused) {
            mvc.perform(post("/v1/users/" + ALICE + "/events").header("Authorization", bearer(ALICE, Permissions.USER_ADMIN))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isUnprocessableContent());
        }

        verify(store, never()).append(any(), anyLong(), anyList());
    }

    @Test
    void historyIsAPageOfAVisibleUsersEventsFromTheFirstByDefault() throws Exception {
        PageRequest firstPage = PageRequest.of(null, null, 1);
        when(store.history(ALICE, firstPage)).thenReturn(new Page<>(List.of(), null));

        mvc.perform(get("/v1/users/" + ALICE + "/events").header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray())
                .andExpect(jsonPath("$.next").doesNotExist());

        verify(users).visibleUser(any(), eq(ALICE));
        verify(store).history(ALICE, firstPage);
    }

    @Test
    void aCursorThisApiDidNotGiveIs422AndReadsNothing() throws Exception {
        mvc.perform(get("/v1/users/" + ALICE + "/events?after=not-a-cursor!").header("Authorization",
                        bearer(ALICE, Permissions.ACCOUNT_OWN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-request"));

        verify(store, never()).history(any(), any());
    }
}
