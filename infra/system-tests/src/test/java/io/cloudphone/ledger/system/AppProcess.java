package io.cloudphone.ledger.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One of the apps (command-api, the ledger) running from its runnable jar as its own OS process, the way
 * {@code infra/bin/stack run} and production run it. Being a real process is the point: a crash test can
 * end it with SIGKILL, and two apps never share a class path or a Spring context.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HEALTH_POLL_INTERVAL = Duration.ofMillis(250);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final ApiClient client;
    private Process process;

    private AppProcess(String name, List<String> command, Map<String, String> environment, Path log, int port) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
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
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx" + heap);
        command.add("-Dcpl.it.app=" + name);
        command.add("-jar");
        command.add(jar.toString());
        AppProcess app = new AppProcess(name, command, environment, logDir.resolve(name + ".log"), port);
        app.launch();
        return app;
    }

    /** The java of the test JVM: a JDK 21+, found by ./mvnw. */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs the tests"));
    }

    private void launch() {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": could not start " + command, e);
        }
    }

    /** Waits until the app's /actuator/health says UP; fails with the log's path when it dies or times out. */
    public AppProcess awaitHealthy(Duration timeout) {
        try {
            Awaitility.await(name + " healthy").atMost(timeout).pollInterval(HEALTH_POLL_INTERVAL)
                    // Connection refused while it starts is expected; its death is not worth waiting on.
                    .ignoreExceptionsMatching(error -> !(error instanceof AppDiedException))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AppDiedException(name + " exited with " + process.exitValue() + "; see " + log);
                        }
                        ApiClient.Response health = client.get("/actuator/health");
                        return health.status() == 200 && "UP".equals(health.body().path("status").asText());
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + log, e);
        }
        return this;
    }

    /** SIGKILL, as a crash: no shutdown hook, no commit, no close. Waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Starts the same command again (after {@link #kill()} or {@link #stop()}). */
    public AppProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
        }
        launch();
        return this;
    }

    /** SIGTERM (Spring's graceful shutdown), then SIGKILL after {@link #STOP_TIMEOUT}. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
