package io.cloudphone.ledger.launcher.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * The directory a stack keeps everything in: logs, PID files, rendered configs, data, sockets, caches. Only a
 * directory with the launcher's marker is ever wiped, and one launcher at a time works on it (a file lock).
 */
public final class StateDir {

    public static final String MARKER = ".cpl-stack";
    static final Duration LOCK_POLL = Duration.ofMillis(200);

    private final Path root;

    public StateDir(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path pids() {
        return root.resolve("pids");
    }

    public Path pidFile(String component) {
        return pids().resolve(component + ".pid");
    }

    /** Holds the PID once the component's set-up step succeeded for that process. */
    public Path readyFile(String component) {
        return pids().resolve(component + ".ready");
    }

    public Path conf() {
        return root.resolve("conf");
    }

    public Path data() {
        return root.resolve("data");
    }

    public Path run() {
        return root.resolve("run");
    }

    public Path cache() {
        return root.resolve("cache");
    }

    public Path startupTimes() {
        return root.resolve("startup-times.txt");
    }

    public boolean isOurs() {
        return Files.isRegularFile(root.resolve(MARKER));
    }

    /** Creates the layout; readable and traversable by the postgres user, whatever root's umask is. */
    public void create() {
        try {
            for (Path dir : new Path[] {root, logs(), pids(), conf(), data(), run(), cache()}) {
                Files.createDirectories(dir);
            }
            Path marker = root.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "cloudphone-ledger local stack state; infra/bin/stack clean wipes this directory\n");
            }
            for (Path dir : new Path[] {root, conf(), data(), run()}) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state dir " + root, e);
        }
    }

    /** One launcher at a time per state dir: waits up to {@code timeout} for another to finish. */
    public Lock lock(Duration timeout) {
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new Lock(channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    throw new LauncherException("another launcher holds " + root.resolve(".lock") + " for more than "
                            + timeout.toSeconds() + "s");
                }
                Thread.sleep(LOCK_POLL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + root, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while waiting for the lock on " + root);
        }
    }

    /** The state dir's lock; released when closed, or when the JVM exits. */
    public record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
