package io.cloudphone.ledger.launcher.core;

import java.io.PrintStream;

/** Where progress lines go: one line per step, errors and warnings on standard error. */
public final class Console {

    private final PrintStream out;
    private final PrintStream err;

    public Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static Console system() {
        return new Console(System.out, System.err);
    }

    public void say(String line) {
        out.println(line);
        out.flush();
    }

    public void warn(String line) {
        err.println("warning: " + line);
        err.flush();
    }

    public void error(String line) {
        err.println("error: " + line);
        err.flush();
    }
}
