package io.cloudphone.ledger.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.LocalStack;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document each app serves is the one committed beside its code (command-api/openapi.json,
 * stream-apps/ledger/openapi.json, stream-apps/payments/openapi.json): a change of a controller that changes the API fails CI until the document is
 * regenerated and reviewed with it. Regenerate them with {@code -Dcpl.openapi.write=true} on this test.
 */
@ExtendWith(RunningSystem.class)
class OpenApiDocumentIT {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final boolean WRITE = Boolean.getBoolean("cpl.openapi.write");

    @Test
    void commandApiServesItsCommittedDocument(Apps apps) throws Exception {
        assertServesCommittedDocument(apps.api(), Path.of("command-api", "openapi.json"));
    }

    @Test
    void theLedgerServesItsCommittedDocument(Apps apps) throws Exception {
        assertServesCommittedDocument(apps.ledger().client(), Path.of("stream-apps", "ledger", "openapi.json"));
    }

    @Test
    void thePaymentsAppServesItsCommittedDocument(Apps apps) throws Exception {
        assertServesCommittedDocument(apps.payments().client(), Path.of("stream-apps", "payments", "openapi.json"));
    }

    private static void assertServesCommittedDocument(ApiClient app, Path relative) throws Exception {
        Response served = app.get("/v3/api-docs");
        assertThat(served.status()).isEqualTo(200);
        String document = canonical(served.body());
        Path committed = Path.of(LocalStack.repoRoot()).resolve(relative);
        if (WRITE) {
            Files.writeString(committed, document, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("the committed OpenAPI document; create it with -Dcpl.openapi.write=true").exists();
        assertThat(document).as("the document %s serves against %s: if the change is meant, regenerate it with "
                + "-Dcpl.openapi.write=true and commit it", app.baseUrl(), relative)
                .isEqualTo(Files.readString(committed, StandardCharsets.UTF_8));
    }

    /** Sorted keys and without the servers, whose URL names the port the test happened to get. */
    private static String canonical(JsonNode document) throws Exception {
        ObjectNode copy = document.deepCopy();
        copy.remove("servers");
        Object tree = JSON.treeToValue(copy, Object.class);
        return JSON.writeValueAsString(tree) + "\n";
    }
}
