package io.cloudphone.ledger.api.account;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudphone.ledger.api.ledger.LedgerQueryClient;
import io.cloudphone.ledger.api.web.ControllerSliceTest;
import io.cloudphone.ledger.platform.security.Permissions;
import io.cloudphone.ledger.schemas.ledger.LedgerRequestIds;
import io.cloudphone.ledger.schemas.query.DecisionView;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The status URL: PENDING until the ledger decides, then its decision; for transfers, where the money is. */
@WebMvcTest(RequestStatusController.class)
class RequestStatusControllerTest extends ControllerSliceTest {

    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID TRANSFER = UUID.randomUUID();

    @MockitoBean
    private AccountRepository accounts;
    @MockitoBean
    private LedgerQueryClient ledger;

    @BeforeEach
    void aliceAskedForATransfer() {
        when(accounts.find("alice-main")).thenReturn(Optional.of(new Account("alice-main", "CNY", ALICE, Instant.EPOCH)));
        when(accounts.requestById(TRANSFER)).thenReturn(Optional.of(
                new AccountRequest.Transfer(TRANSFER, "alice-main", ALICE, "bob-main", 300, "CNY")));
    }

    @Test
    void anUndecidedRequestIsPendingWithWhatItAskedFor() throws Exception {
        mvc.perform(get("/v1/requests/" + TRANSFER).header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.kind").value("TRANSFER"))
                .andExpect(jsonPath("$.amount").value(300))
                .andExpect(jsonPath("$.toAccountId").value("bob-main"));
    }

    @Test
    void anAcceptedTransferIsInFlightUntilTheDestinationDecidesThenCreditedOrRefunded() throws Exception {
        String id = TRANSFER.toString();
        when(ledger.decision("alice-main", id)).thenReturn(Optional.of(decision(id, "alice-main", "ACCEPTED")));
        expectTransferStatus("IN_FLIGHT");

        when(ledger.decision("bob-main", LedgerRequestIds.transferIn(id)))
                .thenReturn(Optional.of(decision(LedgerRequestIds.transferIn(id), "bob-main", "REJECTED")));
        expectTransferStatus("IN_FLIGHT");

        when(ledger.decision("alice-main", LedgerRequestIds.transferRefund(id)))
                .thenReturn(Optional.of(decision(LedgerRequestIds.transferRefund(id), "alice-main", "ACCEPTED")));
        expectTransferStatus("REFUNDED");

        when(ledger.decision("bob-main", LedgerRequestIds.transferIn(id)))
                .thenReturn(Optional.of(decision(LedgerRequestIds.transferIn(id), "bob-main", "ACCEPTED")));
        expectTransferStatus("CREDITED");
    }

    @Test
    void someoneElsesRequestAndAnIdThatIsNoUuidAreBoth404() throws Exception {
        mvc.perform(get("/v1/requests/" + TRANSFER)
                        .header("Authorization", bearer(UUID.randomUUID(), Permissions.ACCOUNT_OWN)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/v1/requests/not-a-uuid").header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anOperatorWhoMayReadAnyAccountSeesTheRequest() throws Exception {
        mvc.perform(get("/v1/requests/" + TRANSFER)
                        .header("Authorization", bearer(UUID.randomUUID(), Permissions.ACCOUNT_READ_ANY)))
                .andExpect(status().isOk());
    }

    private void expectTransferStatus(String expected) throws Exception {
        mvc.perform(get("/v1/requests/" + TRANSFER).header("Authorization", bearer(ALICE, Permissions.ACCOUNT_OWN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transferStatus").value(expected));
    }

    private static DecisionView decision(String requestId, String accountId, String outcome) {
        return new DecisionView(requestId, accountId, "TRANSFER", outcome, null, null, 0, 0, 0, 1,
                "2026-12-02T08:00:00Z");
    }
}
