package io.cloudphone.ledger.api.account;

import static io.cloudphone.ledger.system.Requests.allPages;
import static io.cloudphone.ledger.system.Requests.money;
import static io.cloudphone.ledger.system.Requests.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.Requests.Pages;
import io.cloudphone.ledger.system.RunningSystem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every collection of command-api pages one way (issue 11, Why 7: there were no list endpoints): {@code limit} and
 * {@code after} in, {@code items} and {@code next} out, walked here to the end against the real PostgreSQL.
 */
@ExtendWith(RunningSystem.class)
class CollectionPagingIT {

    @Test
    void aUserListsExactlyTheirOwnAccountsInPagesByAccountId(ApiClient anonymous) {
        Session owner = Identities.newUser(anonymous);
        Session other = Identities.newUser(anonymous);
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(open(owner, "pg-" + UUID.randomUUID()));
        }
        open(other, "pg-" + UUID.randomUUID());

        List<JsonNode> listed = walk(owner.api(), "/v1/accounts", 2, 3);

        assertThat(listed).extracting(account -> account.path("accountId").asText())
                .containsExactlyElementsOf(opened.stream().sorted().toList());
        assertThat(listed.getFirst().path("balanceUrl").asText()).endsWith("/balance");
    }

    @Test
    void anAccountsRequestsAndHoldsComeNewestFirstAndOnlyToWhoMaySeeThem(ApiClient anonymous) {
        Session owner = Identities.newUser(anonymous);
        String accountId = open(owner, "pg-" + UUID.randomUUID());
        List<String> requestIds = new ArrayList<>();
        for (int amount = 1; amount <= 3; amount++) {
            requestIds.add(money(owner.api(), accountId, "recharges", amount, "CNY").body().path("requestId").asText());
            requestIds.add(post(owner.api(), "/v1/accounts/" + accountId + "/holds",
                    "{\"amount\":" + amount + ",\"currency\":\"CNY\"}").body().path("requestId").asText());
        }

        List<JsonNode> requests = walk(owner.api(), "/v1/accounts/" + accountId + "/requests", 4, 2);
        List<JsonNode> holds = walk(owner.api(), "/v1/accounts/" + accountId + "/holds", 2, 2);

        // The opening and six commands; newest first, so the opening is last.
        assertThat(requests).hasSize(7);
        assertThat(requests.getLast().path("kind").asText()).isEqualTo("OPEN");
        assertThat(requests).extracting(request -> request.path("requestId").asText()).containsAll(requestIds);
        assertThat(requests).extracting(request -> request.path("createdAt").asText())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(holds).extracting(hold -> hold.path("amount").asLong()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(holds.getFirst().path("holdUrl").asText()).startsWith("/v1/holds/");

        ApiClient stranger = Identities.newUser(anonymous).api();
        assertThat(stranger.get("/v1/accounts/" + accountId + "/requests").status()).isEqualTo(404);
        assertThat(stranger.get("/v1/accounts/" + accountId + "/holds").status()).isEqualTo(404);
        assertThat(Identities.newOperator(anonymous).api().get("/v1/accounts/" + accountId + "/requests").status())
                .as("account:read-any").isEqualTo(200);
    }

    @Test
    void limitsOutOfRangeAndCursorsThisApiDidNotGiveAre422(ApiClient anonymous) {
        ApiClient user = Identities.newUser(anonymous).api();
        // "YQpi" is a cursor of two parts ("a", "b"): one of a collection of another kind.
        for (String query : List.of("limit=0", "limit=201", "limit=-1", "after=%25%25%25", "after=YQpi",
                "after=" + "A".repeat(600))) {
            Response answer = user.get("/v1/accounts?" + query);
            assertThat(answer.status()).as(query).isEqualTo(422);
            assertThat(answer.body().path("code").asText()).as(query).isEqualTo("invalid-request");
        }
        assertThat(user.get("/v1/accounts?limit=x").status()).isEqualTo(400);
    }

    @Test
    void administratorsListLiveUsersByUsernameAndLookOneUpByName(ApiClient anonymous) {
        Session admin = Identities.admin(anonymous);
        Session alice = Identities.newUser(anonymous);

        Response found = admin.api().get("/v1/users?username=" + URLEncoder.encode(alice.username(), StandardCharsets.UTF_8));
        List<JsonNode> everyone = walk(admin.api(), "/v1/users", 50, 1);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("items")).hasSize(1);
        assertThat(found.body().path("items").get(0).path("userId").asText()).isEqualTo(alice.userId().toString());
        assertThat(everyone).extracting(user -> user.path("username").asText()).contains(alice.username())
                .isSorted();
        assertThat(alice.api().get("/v1/users").status()).as("user:admin only").isEqualTo(403);
    }

    /** Every item of the collection, after asserting that it took at least {@code pagesMin} pages. */
    private static List<JsonNode> walk(ApiClient api, String path, int limit, int pagesMin) {
        Pages pages = allPages(api, path, limit);
        assertThat(pages.pages()).isGreaterThanOrEqualTo(pagesMin);
        return pages.items();
    }

    private static String open(Session owner, String accountId) {
        Response opened = owner.api().post("/v1/accounts", "{\"accountId\":\"" + accountId + "\",\"currency\":\"CNY\"}",
                Map.of());
        assertThat(opened.status()).as(opened.rawBody()).isEqualTo(202);
        return accountId;
    }
}
