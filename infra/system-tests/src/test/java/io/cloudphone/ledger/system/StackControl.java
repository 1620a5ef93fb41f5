package io.cloudphone.ledger.system;

import io.cloudphone.ledger.launcher.Stack;
import io.cloudphone.ledger.launcher.core.Console;
import java.nio.file.Path;

/**
 * Crashes and restarts components of the IT stack the way an operator would meet them: SIGKILL, then a start that
 * brings back what is not running and redoes its set-up. Through the launcher's own Java API (the same code
 * {@code infra/bin/stack} runs), on the IT stack's settings (failsafe passes its CPL_* variables).
 */
public final class StackControl {

    private StackControl() {
    }

    /** SIGKILL to the component the launcher recorded, then waits until it is gone and its ports are free. */
    public static void kill(String component) {
        stack().kill(component);
    }

    /** Starts what is not running of the stack and redoes its set-up (e.g. registers the connector). */
    public static void start() {
        Stack stack = stack();
        stack.start(stack.stackComponents());
    }

    /** An app's runnable jar, where the launcher finds it for {@code stack run}. */
    public static Path appJar(String app) {
        return stack().appJar(app);
    }

    /** The JDK the launcher runs its Java components with (and so the apps under test). */
    public static Path java() {
        return stack().context().java();
    }

    public static long pidOf(String component) {
        return stack().pid(component).orElseThrow(() -> new IllegalStateException(component + " is not running"));
    }

    private static Stack stack() {
        return Stack.fromEnvironment(Path.of(LocalStack.repoRoot()), Console.system());
    }
}
