package io.cloudphone.ledger.flow;

import static io.cloudphone.ledger.system.Requests.decided;
import static io.cloudphone.ledger.system.Requests.money;
import static io.cloudphone.ledger.system.Requests.openAccount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Concurrently;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.Requests;
import io.cloudphone.ledger.system.RunningSystem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invoices end to end: lines edited while DRAFT, published in one transaction that freezes them, numbers them
 * gap-free per year and places the order that pays them; then PAID with the order, or VOID when it is cancelled.
 */
@ExtendWith(RunningSystem.class)
class InvoiceFlowIT {

    private static final Duration DECIDED = Duration.ofSeconds(60);

    private Session customer;
    private String accountId;

    @BeforeEach
    void fundAnAccount(ApiClient anonymous) {
        customer = Identities.newUser(anonymous);
        accountId = openAccount(customer.api(), "CNY");
        assertThat(decided(customer.api(), money(customer.api(), accountId, "recharges", 1_000, "CNY"))
                .path("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void aPublishedInvoiceIsFrozenNumberedAndPaidWithItsOrder() {
        String invoiceId = draft();
        Response lines = lines(invoiceId, "[{\"description\":\"plan, 2 months\",\"quantity\":2,\"unitAmount\":150},"
                + "{\"description\":\"setup\",\"quantity\":1,\"unitAmount\":100}]");
        assertThat(lines.status()).as(lines.rawBody()).isEqualTo(200);

        Response published = post("/v1/invoices/" + invoiceId + "/publish", "");

        assertThat(published.status()).as(published.rawBody()).isEqualTo(200);
        String orderId = published.body().path("orderId").asText();
        JsonNode invoice = customer.api().get("/v1/invoices/" + invoiceId).body();
        assertThat(invoice.path("number").asText()).matches("INV-\\d{4}-\\d{6}");
        assertThat(invoice.path("totalMinor").asLong()).isEqualTo(400);
        assertThat(lines(invoiceId, "[]").status()).as("lines are frozen").isEqualTo(409);
        assertThat(post("/v1/invoices/" + invoiceId + "/void", "{}").status()).isEqualTo(409);

        assertThat(post("/v1/orders/" + orderId + "/payments", "{\"method\":\"BALANCE\"}").status()).isEqualTo(202);

        awaitState("/v1/orders/" + orderId, "PAID");
        JsonNode paid = awaitState("/v1/invoices/" + invoiceId, "PAID");
        assertThat(paid.path("history")).isNotEmpty();
    }

    @Test
    void anInvoiceIsVoidWhenItsOrderIsCancelled() {
        String invoiceId = draft();
        lines(invoiceId, "[{\"description\":\"plan\",\"quantity\":1,\"unitAmount\":300}]");
        String orderId = post("/v1/invoices/" + invoiceId + "/publish", "").body().path("orderId").asText();

        assertThat(post("/v1/orders/" + orderId + "/cancel", "{\"reason\":\"no longer needed\"}").status())
                .isEqualTo(202);

        awaitState("/v1/orders/" + orderId, "CANCELLED");
        JsonNode invoice = awaitState("/v1/invoices/" + invoiceId, "VOID");
        assertThat(invoice.path("number").asText()).as("a voided invoice keeps its number").startsWith("INV-");
    }

    @Test
    void aTotalThatOverflowsIsRefusedAndTakesNoNumber() {
        String overflowing = draft();
        lines(overflowing, "[{\"description\":\"a\",\"quantity\":%d,\"unitAmount\":2}]".formatted(Long.MAX_VALUE));

        Response refused = post("/v1/invoices/" + overflowing + "/publish", "");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("detail").asText()).contains("exceeds");
        JsonNode invoice = customer.api().get("/v1/invoices/" + overflowing).body();
        assertThat(invoice.path("state").asText()).isEqualTo("DRAFT");
        assertThat(invoice.path("number").isNull()).isTrue();
    }

    @Test
    void invoicesPublishedAtOnceGetConsecutiveNumbers() {
        int count = 8;
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String invoiceId = draft();
            lines(invoiceId, "[{\"description\":\"plan\",\"quantity\":1,\"unitAmount\":10}]");
            drafts.add(invoiceId);
        }

        List<Response> published = Concurrently.run(count,
                index -> post("/v1/invoices/" + drafts.get(index) + "/publish", ""));

        assertThat(published).allSatisfy(response -> assertThat(response.status()).as(response.rawBody())
                .isEqualTo(200));
        List<Long> numbers = new ArrayList<>();
        for (String invoiceId : drafts) {
            String number = customer.api().get("/v1/invoices/" + invoiceId).body().path("number").asText();
            numbers.add(Long.parseLong(number.substring(number.lastIndexOf('-') + 1)));
        }

        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers.stream().mapToLong(Long::longValue).max().orElseThrow()
                - numbers.stream().mapToLong(Long::longValue).min().orElseThrow()).isEqualTo(count - 1);
    }

    @Test
    void aDraftCanBeVoidedAndThenNotPublished() {
        String invoiceId = draft();

        assertThat(post("/v1/invoices/" + invoiceId + "/void", "{\"reason\":\"mistake\"}").status()).isEqualTo(200);

        assertThat(post("/v1/invoices/" + invoiceId + "/publish", "").status()).isEqualTo(409);
        awaitState("/v1/invoices/" + invoiceId, "VOID");
    }

    private String draft() {
        Response created = post("/v1/invoices", "{\"accountId\":\"%s\"}".formatted(accountId));
        assertThat(created.status()).as(created.rawBody()).isEqualTo(201);
        return created.body().path("invoiceId").asText();
    }

    private Response lines(String invoiceId, String lines) {
        return customer.api().put("/v1/invoices/" + invoiceId + "/lines", "{\"lines\":" + lines + "}");
    }

    private Response post(String path, String body) {
        return Requests.post(customer.api(), path, body);
    }

    private JsonNode awaitState(String path, String state) {
        return Requests.awaitState(customer.api(), path, state, DECIDED);
    }
}
