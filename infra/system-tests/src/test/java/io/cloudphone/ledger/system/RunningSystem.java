package io.cloudphone.ledger.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the ledger, the payments app, command-api, the payment-provider simulator and the gateway worker once per
 * test JVM, each as its own process from its runnable jar,
 * against the real local stack, and stops them when the whole run ends. Test classes receive an
 * {@link ApiClient} for command-api, or the {@link Apps} themselves to crash and restart them.
 */
public final class RunningSystem implements BeforeAllCallback, ParameterResolver {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final String APP_HEAP = "384m";

    @Override
    public void beforeAll(ExtensionContext context) {
        apps(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ApiClient.class || type == Apps.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Apps apps = apps(context);
        return parameter.getParameter().getType() == Apps.class ? apps : apps.api();
    }

    private static Apps apps(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Apps.class, key -> Apps.start(), Apps.class);
    }

    /**
     * Every payments deadline runs 60 times faster in the tests: a 30-minute payment window is 30 s, a charge answer
     * overdue after 1 s.
     */
    public static final int PAYMENTS_DEADLINE_COMPRESSION = 60;

    /** The payment-provider simulator's own delays (refund processing, resend schedules) run this much faster. */
    public static final int SIMULATOR_TIME_COMPRESSION = 60;

    /** The apps of one test run, the simulator and the gateway worker with them. Closed by JUnit when the run ends. */
    public static final class Apps implements AutoCloseable {
        private final AppProcess ledger;
        private final AppProcess payments;
        private final AppProcess commandApi;
        private final AppProcess simulator;
        private final AppProcess gateway;

        private Apps(AppProcess ledger, AppProcess payments, AppProcess commandApi, AppProcess simulator,
                     AppProcess gateway) {
            this.ledger = ledger;
            this.payments = payments;
            this.commandApi = commandApi;
            this.simulator = simulator;
            this.gateway = gateway;
        }

        static Apps start() {
            Path logDir = LocalStack.buildDir().resolve("it-apps");
            int ledgerPort = freePort();
            int apiPort = freePort();
            int paymentsPort = freePort();
            int simulatorPort = freePort();
            int gatewayPort = freePort();
            // Both apps trust an external issuer beside the local one, as a deployment with an OIDC provider does.
            // Unknown key ids may fetch the key set every time here: tests send made-up key ids on purpose, and
            // the production rate limit (two fetches per 30 s) would decide their answers (TrustedIssuersTest
            // covers the limit).
            ExternalIssuer external = ExternalIssuer.instance();
            AppProcess ledger = AppProcess.start("ledger", StackControl.appJar("ledger"), APP_HEAP, Map.of(
                    "CPL_LEDGER_PORT", Integer.toString(ledgerPort),
                    // Where the ledger asks whether a user's token was revoked (GET /v1/auth/token).
                    "CPL_API_PORT", Integer.toString(apiPort),
                    // Survives a restart of the process (crash tests), fresh for every build.
                    "CPL_LEDGER_STATE_DIR", logDir.resolve("ledger-state").toString(),
                    "CPL_EXTERNAL_ISSUER", external.issuer(),
                    "CPL_EXTERNAL_JWK_SET_URI", external.jwkSetUri(),
                    "CPL_EXTERNAL_KEY_FETCH_INTERVAL", "0s",
                    // Shorter than in production so that tests wait seconds, not minutes, for an untouched hold
                    // to be released (LedgerOperationsIT) and for a stalled ledger to say so (LedgerStallIsReportedIT).
                    "CPL_LEDGER_HOLD_EXPIRY_GRACE", "2s",
                    "CPL_LEDGER_STALL_TIMEOUT", "10s"), ledgerPort, logDir);
            AppProcess payments = AppProcess.start("payments", StackControl.appJar("payments"), APP_HEAP, Map.of(
                    "CPL_PAYMENTS_PORT", Integer.toString(paymentsPort),
                    "CPL_API_PORT", Integer.toString(apiPort),
                    "CPL_PAYMENTS_STATE_DIR", logDir.resolve("payments-state").toString(),
                    "CPL_PAYMENTS_DEADLINE_COMPRESSION", Integer.toString(PAYMENTS_DEADLINE_COMPRESSION),
                    "CPL_PAYMENTS_STALL_TIMEOUT", "10s"), paymentsPort, logDir);
            AppProcess commandApi = AppProcess.start("command-api", StackControl.appJar("command-api"), APP_HEAP, Map.of(
                    "CPL_API_PORT", Integer.toString(apiPort),
                    "CPL_LEDGER_PORT", Integer.toString(ledgerPort),
                    "CPL_PAYMENTS_PORT", Integer.toString(paymentsPort),
                    "CPL_EXTERNAL_ISSUER", external.issuer(),
                    "CPL_EXTERNAL_JWK_SET_URI", external.jwkSetUri(),
                    "CPL_EXTERNAL_KEY_FETCH_INTERVAL", "0s"), apiPort, logDir);
            AppProcess simulator = AppProcess.start("payment-provider-simulator",
                    StackControl.appJar("payment-provider-simulator"), "256m", Map.of(
                            "CPL_PAYMENT_SIM_PORT", Integer.toString(simulatorPort),
                            "CPL_PAYMENT_SIM_WEBHOOK_BASE", "http://127.0.0.1:" + apiPort,
                            "CPL_PAYMENT_SIM_TIME_COMPRESSION", Integer.toString(SIMULATOR_TIME_COMPRESSION)),
                    simulatorPort, logDir);
            AppProcess gateway = AppProcess.start("payment-gateway", StackControl.appJar("payment-gateway"), "256m",
                    Map.of("CPL_GATEWAY_PORT", Integer.toString(gatewayPort),
                            "CPL_PAYMENT_SIM_PORT", Integer.toString(simulatorPort),
                            // Short, so that a held answer (the simulator's time-out fault) becomes UNKNOWN quickly.
                            "CPL_GATEWAY_REQUEST_TIMEOUT", "2s"), gatewayPort, logDir);
            Apps apps = new Apps(ledger, payments, commandApi, simulator, gateway);
            Runtime.getRuntime().addShutdownHook(new Thread(apps::close, "stop-it-apps"));
            try {
                ledger.awaitHealthy(STARTUP_TIMEOUT);
                payments.awaitHealthy(STARTUP_TIMEOUT);
                commandApi.awaitHealthy(STARTUP_TIMEOUT);
                simulator.awaitHealthy(STARTUP_TIMEOUT);
                gateway.awaitHealthy(STARTUP_TIMEOUT);
            } catch (RuntimeException e) {
                apps.close();
                throw e;
            }
            return apps;
        }

        public ApiClient api() {
            return commandApi.client();
        }

        public AppProcess ledger() {
            return ledger;
        }

        public AppProcess commandApi() {
            return commandApi;
        }

        public AppProcess payments() {
            return payments;
        }

        /** The payment-provider simulator: its provider API, its control API and its book. */
        public AppProcess simulator() {
            return simulator;
        }

        public AppProcess gateway() {
            return gateway;
        }

        @Override
        public void close() {
            gateway.stop();
            simulator.stop();
            commandApi.stop();
            payments.stop();
            ledger.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
