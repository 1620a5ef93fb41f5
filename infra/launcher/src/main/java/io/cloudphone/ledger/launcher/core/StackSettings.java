package io.cloudphone.ledger.launcher.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every setting of the local stack, each with a default and a {@code CPL_*} environment variable: the launcher
 * and both apps read the same ones, and every process the launcher starts gets them all ({@link #environment()}),
 * so Connect's env config provider and the apps see what the launcher used. Read once, from an environment map,
 * so tests give their own.
 */
public final class StackSettings {

    private final Map<String, String> values = new TreeMap<>();
    private final Path repoRoot;
    private final Path stateDir;

    private StackSettings(Map<String, String> environment, Path repoRoot, Path workingDir) {
        this.repoRoot = repoRoot;
        Path state = Path.of(environment.getOrDefault("CPL_STATE_DIR", repoRoot.resolve(".stack").toString()));
        this.stateDir = (state.isAbsolute() ? state : workingDir.resolve(state)).normalize();
        Map<String, String> defaults = defaults(stateDir);
        defaults.forEach((name, value) -> values.put(name, environment.getOrDefault(name, value)));
        values.put("CPL_STATE_DIR", stateDir.toString());
        // The simulator notifies command-api's webhooks, wherever its port was moved.
        values.put("CPL_PAYMENT_SIM_WEBHOOK_BASE", environment.getOrDefault("CPL_PAYMENT_SIM_WEBHOOK_BASE",
                "http://127.0.0.1:" + values.get("CPL_API_PORT")));
        // Everything binds loopback; exported for clients (the connector config reads it).
        values.put("CPL_PG_HOST", "127.0.0.1");
        environment.forEach((name, value) -> {
            if (name.startsWith("CPL_")) {
                values.putIfAbsent(name, value);
            }
        });
    }

    public static StackSettings of(Map<String, String> environment, Path repoRoot, Path workingDir) {
        return new StackSettings(environment, repoRoot, workingDir);
    }

    private static Map<String, String> defaults(Path stateDir) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("CPL_PG_PORT", "55432");
        defaults.put("CPL_KAFKA_PORT", "59092");
        defaults.put("CPL_KAFKA_CONTROLLER_PORT", "59093");
        defaults.put("CPL_CONNECT_PORT", "58083");
        defaults.put("CPL_REGISTRY_PORT", "58081");
        defaults.put("CPL_REGISTRY_MANAGEMENT_PORT", "58091");
        defaults.put("CPL_S3_PORT", "59000");
        defaults.put("CPL_API_PORT", "8080");
        defaults.put("CPL_LEDGER_PORT", "8081");
        defaults.put("CPL_PAYMENTS_PORT", "8082");
        defaults.put("CPL_GATEWAY_PORT", "8083");
        defaults.put("CPL_PAYMENT_SIM_PORT", "8090");
        // The payment-provider simulator signs its notifications with these (generated once per state dir, like the
        // JWT pair), and command-api verifies them with the public halves. Stripe's is a shared secret: local only.
        Path providerKeys = stateDir.resolve("conf/payment-sim");
        defaults.put("CPL_PAYMENT_SIM_WECHAT_PRIVATE_KEY", providerKeys.resolve("wechat-pay-private.pem").toString());
        defaults.put("CPL_PAYMENT_WECHAT_PUBLIC_KEY", providerKeys.resolve("wechat-pay-public.pem").toString());
        defaults.put("CPL_PAYMENT_SIM_ALIPAY_PRIVATE_KEY", providerKeys.resolve("alipay-private.pem").toString());
        defaults.put("CPL_PAYMENT_ALIPAY_PUBLIC_KEY", providerKeys.resolve("alipay-public.pem").toString());
        defaults.put("CPL_PAYMENT_SIM_STRIPE_SECRET", "whsec_cpl-local-simulator");
        defaults.put("CPL_PAYMENT_STRIPE_SECRET", "whsec_cpl-local-simulator");
        defaults.put("CPL_S3_ACCESS_KEY", "cpl-local");
        defaults.put("CPL_S3_SECRET_KEY", "cpl-local-secret");
        // The database role the apps, Apicurio and Debezium use (created on first start).
        defaults.put("CPL_PG_USER", "ledger");
        defaults.put("CPL_PG_PASSWORD", "ledger");
        defaults.put("CPL_PG_DATABASE", "ledger");
        // The RSA key pair that signs (command-api) and verifies (every app) bearer tokens: generated once per
        // state dir, so tokens stay valid across restarts and `clean` invalidates them all.
        defaults.put("CPL_JWT_PRIVATE_KEY", stateDir.resolve("conf/jwt/private.pem").toString());
        defaults.put("CPL_JWT_PUBLIC_KEY", stateDir.resolve("conf/jwt/public.pem").toString());
        // The administrator command-api creates on first start (username admin). Local only: set your own, or an
        // empty value for none, anywhere else.
        defaults.put("CPL_ADMIN_PASSWORD", "cpl-admin-local");
        return defaults;
    }

    /** Every CPL_* value, for the processes the launcher starts. */
    public Map<String, String> environment() {
        return Map.copyOf(values);
    }

    public String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no setting " + name);
        }
        return value;
    }

    public int port(String variable) {
        try {
            return Integer.parseInt(get(variable));
        } catch (NumberFormatException e) {
            throw new LauncherException(variable + " must be a port number, was '" + get(variable) + "'");
        }
    }

    /** A bound on a wait, in seconds from {@code variable} (or the default). */
    public Duration seconds(String variable, int defaultSeconds) {
        String value = values.getOrDefault(variable, Integer.toString(defaultSeconds));
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new LauncherException(variable + " must be a number of seconds, was '" + value + "'");
        }
    }

    public String getOrDefault(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    public Path repoRoot() {
        return repoRoot;
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path infraDir() {
        return repoRoot.resolve("infra");
    }

    /** Where the build unpacked Kafka, Apicurio and S3Proxy ({@code CPL_STACK_ARTIFACTS}). */
    public Path stackArtifacts() {
        return Path.of(values.getOrDefault("CPL_STACK_ARTIFACTS",
                infraDir().resolve("launcher/target/stack").toString()));
    }

    /** Bound on each component's way from launch to healthy. */
    public Duration healthTimeout() {
        return seconds("CPL_HEALTH_TIMEOUT", 90);
    }

    /** Bound on each app's way to UP ({@code run}, {@code up}): an app starts slower than a server. */
    public Duration appTimeout() {
        return seconds("CPL_APP_TIMEOUT", 180);
    }

    public Duration connectorTimeout() {
        return seconds("CPL_CONNECTOR_TIMEOUT", 60);
    }

    /** From SIGTERM to SIGKILL. */
    public Duration stopTimeout() {
        return seconds("CPL_STOP_TIMEOUT", 30);
    }

    /** A failed start stops what runs first (the system tests' lifecycle sets it). */
    public boolean stopOnFailure() {
        return Boolean.parseBoolean(values.getOrDefault("CPL_STOP_ON_FAILURE", "false"));
    }
}
