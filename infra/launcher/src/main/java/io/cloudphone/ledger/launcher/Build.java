package io.cloudphone.ledger.launcher;

import io.cloudphone.ledger.launcher.core.LauncherException;
import io.cloudphone.ledger.launcher.core.Seconds;
import io.cloudphone.ledger.launcher.core.StackContext;
import io.cloudphone.ledger.launcher.process.Commands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code run} and {@code up} on a fresh clone: one build of everything missing (the stack's artifacts, the app jars)
 * before anything starts, with a progress line and the build's output in logs/build.log.
 */
final class Build {

    /** A first build downloads every dependency: minutes on a slow link, never an hour. */
    static final Duration TIMEOUT = Duration.ofMinutes(45);

    private Build() {
    }

    static void ifMissing(Stack stack) {
        List<String> missing = stack.missingArtifacts(stack.components());
        if (missing.isEmpty()) {
            return;
        }
        StackContext context = stack.context();
        Path log = context.state().logs().resolve("build.log");
        context.state().create();
        context.console().say("build: " + missing.size() + " artifact(s) missing (" + missing.get(0) + "); building");
        context.console().say("build: ./mvnw -B -DskipTests package, output in " + log
                + " (a first build downloads dependencies: minutes)...");
        long started = System.nanoTime();
        Commands.Result built = Commands.run(List.of(context.settings().repoRoot().resolve("mvnw").toString(), "-B",
                        "-DskipTests", "package"), Map.of(), null, log, TIMEOUT, context.settings().repoRoot());
        if (!built.ok()) {
            throw new LauncherException("build: failed; see " + log);
        }
        context.console().say("build: done in " + Seconds.since(started) + "s");
        List<String> still = stack.missingArtifacts(stack.components());
        if (!still.isEmpty()) {
            throw new LauncherException("build: " + still.get(0) + " after the build; see " + log);
        }
    }
}
