package io.cloudphone.ledger.launcher.component;

import io.cloudphone.ledger.launcher.core.StackContext;
import io.cloudphone.ledger.launcher.process.ProcessSpec;
import io.cloudphone.ledger.launcher.process.Processes.Signal;
import java.time.Duration;
import java.util.List;

/**
 * One process of the local stack. The launcher starts each the same way: left alone when it already runs (its
 * set-up redone if that never completed); its ports checked; {@link #prepare}d; {@link #launch}ed as its own OS
 * process with its PID file and log; awaited {@link #healthy} within {@link #healthTimeout}; {@link #setUp}. It
 * stops it with {@link #stopSignal()}, then SIGKILL after the stop timeout.
 */
public interface Component {

    /** As the command line, the PID file and the log name it. */
    String name();

    /** The settings naming its ports (e.g. CPL_PG_PORT): checked free before launch, shown by status. */
    List<String> portVariables();

    /** Configs rendered, data dirs made, storage initialised: everything the process needs before it starts. */
    void prepare(StackContext context);

    /** The command line; it must carry the component's {@link #marker}. */
    ProcessSpec launch(StackContext context);

    /**
     * What only this state dir's instance of the component has in its command line: a recorded PID whose command
     * line lacks it is not ours (the process ended and the PID was reused) and is never signalled.
     */
    default String marker(StackContext context) {
        return context.marker(name());
    }

    /** A quick, bounded check (a second or two): the launcher polls it. */
    boolean healthy(StackContext context);

    /** Once healthy: what must exist for the stack to be usable (roles, topics, the connector). Idempotent. */
    default void setUp(StackContext context) {
    }

    default Signal stopSignal() {
        return Signal.TERM;
    }

    default Duration healthTimeout(StackContext context) {
        return context.settings().healthTimeout();
    }

    /** Apps run only under {@code run} and {@code up}, and stop before the stack. */
    default boolean isApp() {
        return false;
    }

    /** What the build must have produced first; empty when all is there. */
    default List<String> missingArtifacts(StackContext context) {
        return List.of();
    }
}
