package io.cloudphone.ledger.launcher.core;

/**
 * What the launcher cannot do, as the one line an operator reads: which component, what went wrong, and where
 * its log is. The command line prints the message and exits 1; the system tests see it as an exception.
 */
public class LauncherException extends RuntimeException {

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
