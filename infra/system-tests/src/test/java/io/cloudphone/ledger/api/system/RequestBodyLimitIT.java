package io.cloudphone.ledger.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Database;
import io.cloudphone.ledger.system.RunningSystem;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bodies over the limit (64 KiB, cpl.http.request-body-bytes-max) are refused with 413 and write nothing. */
@ExtendWith(RunningSystem.class)
class RequestBodyLimitIT {

    static final int LIMIT_BYTES = 64 * 1024;

    @Test
    void aBodyDeclaredTooLargeIsRefusedBeforeItIsRead(ApiClient anonymous) {
        long users = Database.count("SELECT count(*) FROM app_user");

        Response refused = anonymous.post("/v1/auth/register", registration(LIMIT_BYTES + 1));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Database.count("SELECT count(*) FROM app_user")).isEqualTo(users);
    }

    @Test
    void aChunkedBodyIsRefusedWhenItGrowsTooLarge(ApiClient anonymous) {
        byte[] body = registration(LIMIT_BYTES + 1).getBytes(StandardCharsets.UTF_8);
        // No length: the client sends it chunked, so only counting while reading can catch it.
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));

        Response refused = anonymous.withBody("POST", "/v1/auth/register", chunked, Map.of());

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBodyJustUnderTheLimitIsRead(ApiClient anonymous) {
        Response read = anonymous.post("/v1/auth/register", registration(LIMIT_BYTES - 16));

        assertThat(read.status()).as(read.rawBody()).isEqualTo(422);
    }

    /** A registration padded with whitespace to exactly {@code bytes} bytes; its password is too short (422). */
    private static String registration(int bytes) {
        String json = "{\"username\":\"padded\",\"email\":\"p@example.com\",\"password\":\"short\"}";
        return json + " ".repeat(bytes - json.length());
    }
}
