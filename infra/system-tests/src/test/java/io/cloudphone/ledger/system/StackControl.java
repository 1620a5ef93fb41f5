package io.cloudphone.ledger.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** Crashes and restarts components of the IT stack the way an operator would meet them: SIGKILL, then bin/stack start. */
public final class StackControl {

    private static final Duration GONE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private StackControl() {
    }

    /** SIGKILL to the component bin/stack recorded, then waits until it is dead and its port is free. */
    public static void kill(String component, int port) {
        long pid = LocalStack.pidOf(component);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        Awaitility.await(component + " (pid " + pid + ") gone").atMost(GONE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> isGone(pid) && isFree(port));
    }

    /** bin/stack start: brings back what is not running and redoes its set-up (e.g. registers the connector). */
    public static void start() {
        try {
            Path log = LocalStack.buildDir().resolve("it-apps").resolve("stack-restarts.log");
            Files.createDirectories(log.getParent());
            Process start = new ProcessBuilder(LocalStack.stackScript().toString(), "start")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!start.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || start.exitValue() != 0) {
                throw new IllegalStateException("bin/stack start did not bring the stack back; its output ends with:\n"
                        + tail(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Dead, or a zombie nobody has reaped yet (its sockets are closed either way). */
    private static boolean isGone(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException noSuchProcess) {
            return true;
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.substring(Math.max(0, text.length() - 2_000));
    }
}
