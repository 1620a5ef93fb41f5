package io.cloudphone.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudphone.ledger.api.web.ControllerSliceTest;
import io.cloudphone.ledger.platform.security.Permissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WebMvcTest(TransferController.class)
class TransferControllerTest extends ControllerSliceTest {

    private static final UUID ALICE = UUID.randomUUID();

    @MockitoBean
    private AccountCommands commands;

    @Test
    void aTransferIsRequestedOnTheSourceAccountWithItsDestination() throws Exception {
        when(commands.submit(any(), any(), any(), any()))
                .thenAnswer(call -> AccountCommands.Submitted.of(call.getArgument(1)));

        mvc.perform(post("/v1/transfers").header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN))
                        .header("Idempotency-Key", "t-1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fromAccountId\":\"alice-main\",\"toAccountId\":\"bob-main\",\"amount\":300,"
                                + "\"currency\":\"CNY\"}"))
                .andExpect(status().isAccepted());

        ArgumentCaptor<AccountRequest> request = ArgumentCaptor.forClass(AccountRequest.class);
        verify(commands).submit(any(), request.capture(), eq("t-1"), eq(AccountCommands.Access.OWNER));
        assertThat(request.getValue()).isEqualTo(new AccountRequest.Transfer(request.getValue().requestId(),
                "alice-main", ALICE, "bob-main", 300, "CNY"));
    }

    @Test
    void aTransferToTheSameAccountIsA422AndNothingIsSubmitted() throws Exception {
        mvc.perform(post("/v1/transfers").header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN))
                        .header("Idempotency-Key", "t-2").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fromAccountId\":\"alice-main\",\"toAccountId\":\"alice-main\",\"amount\":300,"
                                + "\"currency\":\"CNY\"}"))
                .andExpect(status().isUnprocessableContent());

        verifyNoInteractions(commands);
    }
}
