package io.cloudphone.ledger.api.user;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudphone.ledger.api.notification.NotificationPreferences;
import io.cloudphone.ledger.api.notification.NotificationType;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.api.web.ControllerSliceTest;
import io.cloudphone.ledger.platform.security.Permissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Notification preferences over HTTP: type and channels parsed to their enums first, a deleted user refused. */
@WebMvcTest(NotificationPreferenceController.class)
class NotificationPreferenceControllerTest extends ControllerSliceTest {

    private static final UUID ALICE = UUID.randomUUID();

    @MockitoBean
    private NotificationPreferences preferences;
    @MockitoBean
    private UserCommands users;
    @MockitoBean
    private TransactionRunner transactions;

    @BeforeEach
    void aliceExists() {
        runsWorkAtOnce(transactions);
        when(users.visibleUser(any(), eq(ALICE))).thenReturn(alice(null));
    }

    @Test
    void aPreferenceIsSetWithItsChannelsOnceEach() throws Exception {
        List<NotificationType.Channel> channels = List.of(NotificationType.Channel.SMS, NotificationType.Channel.EMAIL);
        when(preferences.update(ALICE, NotificationType.BILLING, true, channels, Map.of()))
                .thenReturn(new NotificationPreferences.Preference(NotificationType.BILLING, true, channels, Map.of(),
                        Instant.now()));

        mvc.perform(put("/v1/users/" + ALICE + "/notification-preferences/BILLING")
                        .header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true,\"channels\":[\"SMS\",\"EMAIL\",\"SMS\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channels.length()").value(2));

        verify(preferences).update(ALICE, NotificationType.BILLING, true, channels, Map.of());
    }

    @Test
    void anUnknownTypeOrChannelIsAProblemThatListsTheKnownOnes() throws Exception {
        mvc.perform(put("/v1/users/" + ALICE + "/notification-preferences/SPAM")
                        .header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("MARKETING")));
        mvc.perform(put("/v1/users/" + ALICE + "/notification-preferences/BILLING")
                        .header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true,\"channels\":[\"PIGEON\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("IN_APP")));

        verifyNothingUpdated();
    }

    @Test
    void enabledMustBeSaidAndSettingsStayWithinTheirLimit() throws Exception {
        String tooMany = IntStream.rangeClosed(0, NotificationPreferenceController.CUSTOM_SETTINGS_MAX)
                .mapToObj(i -> "\"k" + i + "\":1").collect(Collectors.joining(","));

        mvc.perform(put("/v1/users/" + ALICE + "/notification-preferences/BILLING")
                        .header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":[\"EMAIL\"]}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(put("/v1/users/" + ALICE + "/notification-preferences/BILLING")
                        .header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true,\"customSettings\":{" + tooMany + "}}"))
                .andExpect(status().isUnprocessableContent());

        verifyNothingUpdated();
    }

    @Test
    void aDeletedUserHasNoPreferencesToSet() throws Exception {
        when(users.visibleUser(any(), eq(ALICE))).thenReturn(alice(Instant.now()));

        mvc.perform(put("/v1/users/" + ALICE + "/notification-preferences/BILLING")
                        .header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(status().isNotFound());

        verifyNothingUpdated();
    }

    private void verifyNothingUpdated() {
        verify(preferences, never()).update(any(), any(), anyBoolean(), anyList(), anyMap());
    }

    private static User alice(Instant deletedAt) {
        return new User(ALICE, "alice", "alice@example.com", "Alice", List.of(UserCommands.DEFAULT_ROLE), 1,
                Instant.parse("2026-12-01T00:00:00Z"), null, deletedAt, null);
    }
}
