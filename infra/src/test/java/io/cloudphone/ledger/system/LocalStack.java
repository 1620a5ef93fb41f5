package io.cloudphone.ledger.system;

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

    static int port(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: run integration tests with ./mvnw verify, "
                    + "which starts the stack and passes its ports");
        }
        return Integer.parseInt(value);
    }
}
