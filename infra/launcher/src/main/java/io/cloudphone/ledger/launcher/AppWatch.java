package io.cloudphone.ledger.launcher;

import java.util.HashMap;
import java.util.Map;

/**
 * What {@code run} does about what it sees of an app, every second: an app that exited ends the session with an
 * error (one stopped by {@code stop} ends it quietly); a stream app whose health is DOWN (its streams stopped or
 * stalled: it decides nothing any more) ends it with the reason; any other change of health is reported and the
 * session goes on (command-api DOWN while its database restarts, say). Pure: the caller looks, this decides.
 */
public final class AppWatch {

    /** What to do. */
    public sealed interface Verdict permits GoOn, Report, End {
    }

    public record GoOn() implements Verdict {
    }

    /** Print the line, go on. */
    public record Report(String line) implements Verdict {
    }

    /** End the session: stop everything and exit with this code, after printing the line (on stderr when failed). */
    public record End(int exitCode, String line) implements Verdict {
    }

    private final Map<String, String> lastStatus = new HashMap<>();

    /**
     * @param alive      whether the app's recorded process runs
     * @param recorded   whether its PID file still exists (gone: `stop` ended it on purpose)
     * @param health     its health now; null when not checked this round
     * @param streamApp  whether its DOWN means it decides nothing any more
     */
    public Verdict see(String app, boolean alive, boolean recorded, AppHealth health, boolean streamApp, String log) {
        if (!alive) {
            return recorded ? new End(1, app + " exited; see " + log)
                    : new End(0, "run: " + app + " was stopped (infra/bin/stack stop); ending the session");
        }
        if (health == null) {
            return new GoOn();
        }
        if (streamApp && health.isDown()) {
            return new End(1, app + " is DOWN, so it decides nothing; see " + log + "\n  "
                    + String.join("\n  ", health.reasons()));
        }
        String before = lastStatus.getOrDefault(app, "UP");
        lastStatus.put(app, health.status());
        if (!health.status().equals(before)) {
            return new Report("run: " + app + " is " + health.describe() + " (was " + before + "); see " + log);
        }
        return new GoOn();
    }
}
