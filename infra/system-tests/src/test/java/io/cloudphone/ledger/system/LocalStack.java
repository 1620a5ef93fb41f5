package io.cloudphone.ledger.system;

import java.nio.file.Path;

/**
 * Addresses of the stack that infra/bin/stack started for the integration tests. Failsafe passes the same
 * CPL_* variables the launcher used, and the apps under test read them too.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port("CPL_PG_PORT") + "/ledger";
    }

    public static String kafkaBootstrap() {
        return "127.0.0.1:" + port("CPL_KAFKA_PORT");
    }

    public static String registryUrl() {
        return "http://127.0.0.1:" + port("CPL_REGISTRY_PORT") + "/apis/ccompat/v7";
    }

    /** infra/system-tests/target: failsafe passes it as the system property cpl.it.build-dir. */
    public static Path buildDir() {
        return Path.of(required("cpl.it.build-dir"));
    }

    /** The repository's root: failsafe passes it as the system property cpl.it.repo-root. */
    public static String repoRoot() {
        return required("cpl.it.repo-root");
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run integration tests "
                    + "with ./mvnw verify");
        }
        return value;
    }

    public static int port(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: run integration tests with ./mvnw verify, "
                    + "which starts the stack and passes its ports");
        }
        return Integer.parseInt(value);
    }
}
