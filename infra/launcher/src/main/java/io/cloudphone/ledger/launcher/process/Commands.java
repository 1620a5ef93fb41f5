package io.cloudphone.ledger.launcher.process;

import io.cloudphone.ledger.launcher.core.LauncherException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Short-lived commands the launcher runs to completion (initdb, psql, pg_isready, openssl, Kafka's tools). */
public final class Commands {

    private Commands() {
    }

    /** What a finished command said. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs the command with its output appended to {@code log} (or returned, when log is null), input from
     * {@code input} (may be null), and waits at most {@code timeout}.
     */
    public static Result run(List<String> command, Map<String, String> environment, String input, Path log,
                             Duration timeout) {
        return run(command, environment, input, log, timeout, null);
    }

    /** As {@link #run(List, Map, String, Path, Duration)}, in {@code workingDir} (null: the launcher's). */
    public static Result run(List<String> command, Map<String, String> environment, String input, Path log,
                             Duration timeout, Path workingDir) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        builder.environment().putAll(environment);
        if (log != null) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        if (input == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        }
        try {
            Process process = builder.start();
            if (input != null) {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = log == null ? new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LauncherException(command.get(0) + " did not finish within " + timeout.toSeconds() + "s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new LauncherException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while running " + command.get(0));
        }
    }
}
