package io.cloudphone.ledger.launcher.process;

import io.cloudphone.ledger.launcher.core.LauncherException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The OS processes of a stack: started in a session of their own (a terminal's Ctrl-C or hang-up does not reach
 * them) with stdin from /dev/null and stdout and stderr appended to their log, recorded by PID file, recognised by
 * the marker in their command line, stopped by signal with a bound.
 */
public final class Processes {

    /** A log past this size is moved to .log.1 at the next start. */
    static final long LOG_ROTATE_BYTES = 64L * 1024 * 1024;
    static final Duration POLL = Duration.ofMillis(100);
    /** After SIGKILL, the kernel's own bound: a process that outlives it is stuck in the kernel. */
    static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    static final Duration EXEC_TIMEOUT = Duration.ofSeconds(5);
    static final Duration EXEC_POLL = Duration.ofMillis(5);

    private Processes() {
    }

    /** Starts the process and records its PID; returns the PID. */
    public static long launch(String component, ProcessSpec spec, Map<String, String> settings, Path log, Path pidFile) {
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.addAll(spec.command());
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            rotate(log);
            Files.writeString(log, "==== " + Instant.now() + " launcher: starting " + component + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).directory(spec.workingDir().toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(settings);
            builder.environment().putAll(spec.environment());
            long pid = builder.start().pid();
            Files.writeString(pidFile, pid + "\n");
            awaitExec(pid, spec.command().get(0), spec.marker());
            return pid;
        } catch (IOException e) {
            throw new LauncherException(component + ": could not start " + spec.command().get(0) + ": " + e.getMessage()
                    + "; see " + log, e);
        }
    }

    /**
     * Until the new process has exec'd its own command, it is first the JVM's spawn helper and then {@code setsid},
     * and {@link #running} may not know it for ours: {@code setsid}'s command line carries the marker too, and while
     * it execs the command, /proc shows an empty command line for a moment, so a check in that moment found no
     * process and started a second one (StackTest, once in many runs). So this waits for the command itself: its
     * first word and the marker. Bounded; a process that dies or never gets there is the health check's.
     */
    private static void awaitExec(long pid, String program, String marker) {
        long deadline = System.nanoTime() + EXEC_TIMEOUT.toNanos();
        while (!isExecd(commandLine(pid), program, marker) && !isGone(pid) && System.nanoTime() < deadline) {
            pause(EXEC_POLL);
        }
    }

    static boolean isExecd(String commandLine, String program, String marker) {
        return commandLine.startsWith(program + " ") && commandLine.contains(marker);
    }

    /** The recorded PID, if that process is alive and still carries the marker. */
    public static OptionalLong running(Path pidFile, String marker) {
        OptionalLong pid = recorded(pidFile);
        if (pid.isEmpty() || isGone(pid.getAsLong()) || !commandLine(pid.getAsLong()).contains(marker)) {
            return OptionalLong.empty();
        }
        return pid;
    }

    public static OptionalLong recorded(Path pidFile) {
        try {
            String text = Files.readString(pidFile).strip();
            return text.matches("[0-9]{1,10}") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
        } catch (IOException noFile) {
            return OptionalLong.empty();
        }
    }

    /** The command line as /proc shows it, arguments joined by spaces; empty when the process is gone. */
    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    /** Exited, or a zombie nobody has reaped yet (its sockets are closed either way). */
    public static boolean isGone(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException noSuchProcess) {
            return true;
        }
    }

    /**
     * Signals the process and waits until it is gone; SIGKILL after {@code timeout}.
     *
     * @return false when it needed SIGKILL
     */
    public static boolean stop(long pid, Signal signal, Duration timeout) {
        signal(pid, signal);
        if (awaitGone(pid, timeout)) {
            return true;
        }
        signal(pid, Signal.KILL);
        if (!awaitGone(pid, KILL_TIMEOUT)) {
            throw new LauncherException("pid " + pid + " survived SIGKILL");
        }
        return false;
    }

    /** SIGKILL, as a crash: no shutdown hook, nothing flushed. Waits until the process is gone. */
    public static void kill(long pid) {
        signal(pid, Signal.KILL);
        if (!awaitGone(pid, KILL_TIMEOUT)) {
            throw new LauncherException("pid " + pid + " survived SIGKILL");
        }
    }

    public static boolean awaitGone(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isGone(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(POLL);
        }
        return true;
    }

    static void signal(long pid, Signal signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal.name(), Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    private static void rotate(Path log) throws IOException {
        if (Files.exists(log) && Files.size(log) > LOG_ROTATE_BYTES) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The signals the launcher sends. */
    public enum Signal {
        TERM, INT, KILL
    }
}
