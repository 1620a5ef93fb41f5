package io.cloudphone.ledger.launcher.core;

import java.nio.file.Path;
import java.util.List;

/**
 * What a component needs from the launcher: the settings, the state dir, where to print, which java to run.
 *
 * @param java the java of this JVM (a JDK 21+, found by the shim): every Java component runs on it
 */
public record StackContext(StackSettings settings, StateDir state, Console console, Path java) {

    public static StackContext of(StackSettings settings, Console console) {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElseThrow(() -> new LauncherException("cannot tell which java runs the launcher"));
        return new StackContext(settings, new StateDir(settings.stateDir()), console, java);
    }

    public Path config(String name) {
        return settings.infraDir().resolve("config").resolve(name);
    }

    public Path log(String component) {
        return state.log(component);
    }

    /** The JVM options every Java component gets: its marker, exit on OOM (a JVM out of memory half-works). */
    public List<String> javaOptions(String component) {
        return List.of(marker(component), "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
    }

    /** The marker of a Java component's command line: {@code -Dcpl.stack=<component>@<state dir>}. */
    public String marker(String component) {
        return "-Dcpl.stack=" + component + "@" + state.root();
    }

    /** Who runs this launcher: as root, PostgreSQL must be run as the unprivileged postgres user. */
    public boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
