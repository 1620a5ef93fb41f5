package io.cloudphone.ledger.system;

import io.cloudphone.ledger.api.CommandApiApplication;
import io.cloudphone.ledger.streams.LedgerApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the ledger app and command-api once per test JVM, against the real local stack, and closes them
 * when the whole run ends. Test classes receive an {@link ApiClient} for command-api.
 */
public final class RunningSystem implements BeforeAllCallback, ParameterResolver {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    @Override
    public void beforeAll(ExtensionContext context) {
        apps(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ApiClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return apps(context).api;
    }

    private static Apps apps(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Apps.class, key -> Apps.start(), Apps.class);
    }

    static final class Apps implements AutoCloseable {
        private final ConfigurableApplicationContext ledger;
        private final ConfigurableApplicationContext commandApi;
        final ApiClient api;

        private Apps(ConfigurableApplicationContext ledger, ConfigurableApplicationContext commandApi, int apiPort) {
            this.ledger = ledger;
            this.commandApi = commandApi;
            this.api = new ApiClient("http://127.0.0.1:" + apiPort);
        }

        static Apps start() {
            int ledgerPort = freePort();
            int apiPort = freePort();
            ConfigurableApplicationContext ledger = LedgerApplication.builder().properties(
                    "server.port=" + ledgerPort,
                    "cpl.ledger.state-dir=" + tempDir("ledger-streams")).run();
            ConfigurableApplicationContext commandApi = CommandApiApplication.builder().properties(
                    "server.port=" + apiPort,
                    "cpl.ledger-query.base-url=http://127.0.0.1:" + ledgerPort).run();
            ApiClient ledgerHealth = new ApiClient("http://127.0.0.1:" + ledgerPort);
            Awaitility.await("ledger streams RUNNING").atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> ledgerHealth.get("/actuator/health").status() == 200);
            return new Apps(ledger, commandApi, apiPort);
        }

        @Override
        public void close() {
            commandApi.close();
            ledger.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
