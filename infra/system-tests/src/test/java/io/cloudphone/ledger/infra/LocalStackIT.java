package io.cloudphone.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * The stack that the pre-integration-test phase started (infra/bin/stack start) answers on every port that
 * failsafe passes in CPL_* variables, each in its own protocol.
 */
class LocalStackIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Test
    void postgresAcceptsTheLedgerRoleAndHasTheOutboxPublication() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + port("CPL_PG_PORT") + "/ledger";
        try (Connection connection = DriverManager.getConnection(url, "ledger", "ledger");
             ResultSet publication = connection.createStatement()
                     .executeQuery("SELECT count(*) FROM pg_publication WHERE pubname = 'cpl_outbox'")) {
            assertThat(publication.next()).isTrue();
            assertThat(publication.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void kafkaListsTheDeclaredTopics() throws Exception {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port("CPL_KAFKA_PORT"),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            Set<String> topics = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(topics).contains("cpl.outbox.account", "cpl.ledger.decisions", "cpl.ledger.entries",
                    "cpl.ledger.balances");
        }
    }

    @Test
    void registryServesTheConfluentApiWithBackwardCompatibility() throws Exception {
        HttpResponse<String> config = get("http://127.0.0.1:" + port("CPL_REGISTRY_PORT") + "/apis/ccompat/v7/config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("BACKWARD");
    }

    @Test
    void s3ProxyRefusesAnUnsignedRequest() throws Exception {
        HttpResponse<String> response = get("http://127.0.0.1:" + port("CPL_S3_PORT") + "/");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void s3ProxyServesTheMinioClientWithTheRightCredentials() throws Exception {
        MinioClient minio = minio(accessKey(), secretKey());
        String bucket = "it-" + UUID.randomUUID();
        minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        minio.putObject(PutObjectArgs.builder().bucket(bucket).object("hello.txt")
                .stream(new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8)), 2, -1).build());
        try (InputStream object = minio.getObject(GetObjectArgs.builder().bucket(bucket).object("hello.txt").build())) {
            assertThat(new String(object.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hi");
        }
    }

    @Test
    void s3ProxyRefusesAWrongSecret() {
        MinioClient impostor = minio(accessKey(), secretKey() + "-wrong");
        assertThatThrownBy(() -> impostor.listBuckets())
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.response().code()).isEqualTo(403));
    }

    private static MinioClient minio(String accessKey, String secretKey) {
        return MinioClient.builder().endpoint("http://127.0.0.1:" + port("CPL_S3_PORT"))
                .region("us-east-1").credentials(accessKey, secretKey).build();
    }

    /** The launcher's defaults unless the environment overrides them, as for the stack itself. */
    private static String accessKey() {
        return System.getenv().getOrDefault("CPL_S3_ACCESS_KEY", "cpl-local");
    }

    private static String secretKey() {
        return System.getenv().getOrDefault("CPL_S3_SECRET_KEY", "cpl-local-secret");
    }

    @Test
    void connectRunsTheOutboxConnectorAndItsTask() throws Exception {
        HttpResponse<String> status =
                get("http://127.0.0.1:" + port("CPL_CONNECT_PORT") + "/connectors/ledger-outbox/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"connector\":{\"state\":\"RUNNING\"")
                .contains("\"tasks\":[{\"id\":0,\"state\":\"RUNNING\"");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int port(String variable) {
        String value = System.getenv(variable);
        assertThat(value).as("%s (failsafe passes it; run with ./mvnw verify)", variable).isNotBlank();
        return Integer.parseInt(value);
    }
}
