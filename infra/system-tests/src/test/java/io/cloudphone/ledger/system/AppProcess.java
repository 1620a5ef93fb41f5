package io.cloudphone.ledger.system;

import io.cloudphone.ledger.launcher.process.ProcessSpec;
import io.cloudphone.ledger.launcher.process.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One of the apps (command-api, the ledger) running from its runnable jar as its own OS process, the way
 * {@code infra/bin/stack run} and production run it. Being a real process is the point: a crash test can
 * end it with SIGKILL, and two apps never share a class path or a Spring context. Started, killed and stopped
 * by the launcher's own {@link Processes}; unlike the launcher's apps, a test may run several instances of one
 * app (each its own name, port and state dir).
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HEALTH_POLL_INTERVAL = Duration.ofMillis(250);

    private final String name;
    private final ProcessSpec spec;
    private final Path log;
    private final Path pidFile;
    private final ApiClient client;
    private long pid;

    private AppProcess(String name, ProcessSpec spec, Path logDir, int port) {
        this.name = name;
        this.spec = spec;
        this.log = logDir.resolve(name + ".log");
        this.pidFile = logDir.resolve(name + ".pid");
        this.client = new ApiClient("http://127.0.0.1:" + port);
    }

    /**
     * @param jar         the Spring Boot runnable jar
     * @param heap        -Xmx of the app (kept modest: the whole stack must fit in a few GiB)
     * @param environment added to this JVM's environment, which carries the stack's CPL_* variables
     * @param port        the HTTP port the app was told to listen on (for health and for its client)
     */
    public static AppProcess start(String name, Path jar, String heap, Map<String, String> environment, int port,
                                   Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": runnable jar " + jar + " is missing; build it with ./mvnw package");
        }
        String marker = "-Dcpl.it.app=" + name + "@" + logDir;
        List<String> command = List.of(StackControl.java().toString(), "-Xmx" + heap, marker,
                "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString());
        AppProcess app = new AppProcess(name, new ProcessSpec(command, logDir, environment, marker), logDir, port);
        app.launch();
        return app;
    }

    private void launch() {
        pid = Processes.launch(name, spec, Map.of(), log, pidFile);
    }

    /** Waits until the app's /actuator/health says UP; fails with the log's path when it dies or times out. */
    public AppProcess awaitHealthy(Duration timeout) {
        try {
            Awaitility.await(name + " healthy").atMost(timeout).pollInterval(HEALTH_POLL_INTERVAL)
                    // Connection refused while it starts is expected; its death is not worth waiting on.
                    .ignoreExceptionsMatching(error -> !(error instanceof AppDiedException))
                    .until(() -> {
                        if (Processes.isGone(pid)) {
                            throw new AppDiedException(name + " (pid " + pid + ") exited; see " + log);
                        }
                        ApiClient.Response health = client.get("/actuator/health");
                        return health.status() == 200 && "UP".equals(health.body().path("status").asText());
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + log, e);
        }
        return this;
    }

    /** The app's {@code /actuator/health} status now (UP, OUT_OF_SERVICE, DOWN), or empty while it does not answer. */
    public Optional<String> healthStatus() {
        try {
            return Optional.of(client.get("/actuator/health").body().path("status").asText());
        } catch (IllegalStateException notAnswering) {
            return Optional.empty();
        }
    }

    /** Whether the process has ended (killed, stopped, or by itself). */
    public boolean isGone() {
        return Processes.isGone(pid);
    }

    /** SIGKILL, as a crash: no shutdown hook, no commit, no close. Waits until the process is gone. */
    public void kill() {
        Processes.kill(pid);
    }

    /** Starts the same command again (after {@link #kill()} or {@link #stop()}). */
    public AppProcess restart() {
        if (!Processes.isGone(pid)) {
            throw new IllegalStateException(name + " is still running (pid " + pid + ")");
        }
        launch();
        return this;
    }

    /** SIGTERM (Spring's graceful shutdown), then SIGKILL after {@link #STOP_TIMEOUT}. */
    public void stop() {
        if (!Processes.isGone(pid)) {
            Processes.stop(pid, Processes.Signal.TERM, STOP_TIMEOUT);
        }
    }

    public ApiClient client() {
        return client;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        stop();
    }

    /** Not a timeout: waiting longer cannot help. */
    static final class AppDiedException extends IllegalStateException {
        AppDiedException(String message) {
            super(message);
        }
    }
}
