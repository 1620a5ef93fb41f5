package io.cloudphone.ledger.launcher;

import io.cloudphone.ledger.launcher.component.App;
import io.cloudphone.ledger.launcher.component.Component;
import io.cloudphone.ledger.launcher.component.Components;
import io.cloudphone.ledger.launcher.core.Console;
import io.cloudphone.ledger.launcher.core.Http;
import io.cloudphone.ledger.launcher.core.LauncherException;
import io.cloudphone.ledger.launcher.core.Seconds;
import io.cloudphone.ledger.launcher.core.StackContext;
import io.cloudphone.ledger.launcher.core.StackSettings;
import io.cloudphone.ledger.launcher.core.StateDir;
import io.cloudphone.ledger.launcher.process.ProcessSpec;
import io.cloudphone.ledger.launcher.process.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The local stack as a Java API: what {@code infra/bin/stack} runs, and what the system tests drive to crash and
 * restart components. Each component is its own OS process with its PID file and log under the state dir; every
 * wait is bounded; a failure is one line naming the component and its log; data survives stop and start; stop ends
 * only processes this state dir recorded and that still carry its marker.
 */
public final class Stack {

    /** Bound on waiting for another launcher working on the same state dir. */
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(120);
    static final Duration HEALTH_POLL = Duration.ofMillis(200);

    private final StackContext context;
    private final List<Component> components;

    public Stack(StackContext context, List<Component> components) {
        this.context = context;
        this.components = List.copyOf(components);
    }

    /** The local stack of {@link Components#ALL}, from this process's environment. */
    public static Stack fromEnvironment(Path repoRoot, Console console) {
        return new Stack(StackContext.of(StackSettings.of(System.getenv(), repoRoot, Path.of("").toAbsolutePath()),
                console), Components.ALL);
    }

    public StackContext context() {
        return context;
    }

    public List<Component> components() {
        return components;
    }

    public List<Component> stackComponents() {
        return components.stream().filter(component -> !component.isApp()).toList();
    }

    public List<Component> apps() {
        return components.stream().filter(Component::isApp).toList();
    }

    public Component component(String name) {
        return components.stream().filter(component -> component.name().equals(name)).findFirst()
                .orElseThrow(() -> new LauncherException("no component " + name + "; the components are "
                        + components.stream().map(Component::name).toList()));
    }

    /** The runnable jar of an app (its module's {@code -exec.jar}, or its {@code CPL_<NAME>_JAR} override). */
    public Path appJar(String name) {
        if (!(component(name) instanceof App app)) {
            throw new LauncherException(name + " is not an app; the apps are "
                    + apps().stream().map(Component::name).toList());
        }
        return app.jar(context).orElseThrow(() -> new LauncherException(String.join("; ", app.missingArtifacts(context))
                + "; build it with ./mvnw -DskipTests install"));
    }

    /** What the build has not produced yet, one "component: what" each. */
    public List<String> missingArtifacts(List<Component> which) {
        List<String> missing = new ArrayList<>();
        which.forEach(component -> missing.addAll(component.missingArtifacts(context)));
        return missing;
    }

    /**
     * Starts what is not running, in order; a component already running is left alone.
     *
     * @return seconds from launch to ready per component (0 when it was running)
     */
    public Map<String, Duration> start(List<Component> which) {
        List<String> missing = missingArtifacts(which);
        if (!missing.isEmpty()) {
            throw new LauncherException(missing.get(0) + "; run ./mvnw -DskipTests package first (or infra/bin/stack run, "
                    + "which builds)");
        }
        Map<String, Duration> ready = new LinkedHashMap<>();
        try (StateDir.Lock lock = lockState()) {
            context.state().create();
            JwtKeys.ensure(Path.of(context.settings().get("CPL_JWT_PRIVATE_KEY")),
                    Path.of(context.settings().get("CPL_JWT_PUBLIC_KEY")), "the JWT key pair", context.console());
            JwtKeys.ensure(Path.of(context.settings().get("CPL_PAYMENT_SIM_WECHAT_PRIVATE_KEY")),
                    Path.of(context.settings().get("CPL_PAYMENT_WECHAT_PUBLIC_KEY")),
                    "the simulated WeChat Pay key pair", context.console());
            JwtKeys.ensure(Path.of(context.settings().get("CPL_PAYMENT_SIM_ALIPAY_PRIVATE_KEY")),
                    Path.of(context.settings().get("CPL_PAYMENT_ALIPAY_PUBLIC_KEY")),
                    "the simulated Alipay key pair", context.console());
            for (Component component : which) {
                ready.put(component.name(), startOne(component));
            }
        } catch (LauncherException failed) {
            if (context.settings().stopOnFailure()) {
                context.console().say("stack: stopping what was started (CPL_STOP_ON_FAILURE=true)");
                try (StateDir.Lock lock = lockState()) {
                    stopInOrder(components);
                }
            }
            throw failed;
        }
        return ready;
    }

    private Duration startOne(Component component) {
        OptionalLong running = pid(component);
        if (running.isPresent()) {
            context.console().say(component.name() + ": already running (pid " + running.getAsLong() + ")");
            if (!readyPid(component).equals(OptionalLong.of(running.getAsLong()))) {
                context.console().say(component.name() + ": its set-up did not complete last time; redoing it");
                component.setUp(context);
                markReady(component, running.getAsLong());
            }
            return Duration.ZERO;
        }
        requirePortsFree(component);
        context.console().say(component.name() + ": starting...");
        long started = System.nanoTime();
        component.prepare(context);
        ProcessSpec spec = component.launch(context);
        long pid = Processes.launch(component.name(), spec, context.settings().environment(), log(component),
                context.state().pidFile(component.name()));
        awaitHealthy(component, pid, started);
        context.console().say(component.name() + ": healthy in " + Seconds.since(started) + "s (pid " + pid + ")");
        component.setUp(context);
        if (Processes.isGone(pid)) {
            throw new LauncherException(component.name() + " exited during set-up; see " + log(component));
        }
        markReady(component, pid);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    void requirePortsFree(Component component) {
        for (String variable : component.portVariables()) {
            int port = context.settings().port(variable);
            if (!Http.free(port)) {
                throw new LauncherException(component.name() + " cannot start: port " + port + " is already in use (set "
                        + variable + " to a free port); see " + log(component));
            }
        }
    }

    private void awaitHealthy(Component component, long pid, long startedNanos) {
        Duration timeout = component.healthTimeout(context);
        long deadline = startedNanos + timeout.toNanos();
        while (!component.healthy(context)) {
            if (Processes.isGone(pid)) {
                throw new LauncherException(component.name() + " exited during start-up; see " + log(component));
            }
            if (System.nanoTime() > deadline) {
                throw new LauncherException(component.name() + " did not become healthy within " + timeout.toSeconds()
                        + "s; see " + log(component));
            }
            Processes.pause(HEALTH_POLL);
        }
    }

    /** Stops the named components that run: apps first, then the stack in reverse start order. */
    public void stop(List<Component> which) {
        if (!Files.isDirectory(context.state().pids())) {
            context.console().say("stack: nothing to stop in " + context.state().root());
            return;
        }
        try (StateDir.Lock lock = lockState()) {
            stopInOrder(which);
        }
    }

    private void stopInOrder(List<Component> which) {
        List<Component> order = new ArrayList<>();
        for (Component app : apps()) {
            if (which.contains(app)) {
                order.add(app);
            }
        }
        List<Component> stack = new ArrayList<>(stackComponents());
        java.util.Collections.reverse(stack);
        for (Component component : stack) {
            if (which.contains(component)) {
                order.add(component);
            }
        }
        order.forEach(this::stopOne);
    }

    public void stopAll() {
        stop(components);
    }

    private void stopOne(Component component) {
        Path pidFile = context.state().pidFile(component.name());
        if (!Files.exists(pidFile)) {
            return;
        }
        OptionalLong pid = pid(component);
        if (pid.isEmpty()) {
            forget(component);
            context.console().say(component.name() + ": not running");
            return;
        }
        long started = System.nanoTime();
        context.console().say(component.name() + ": stopping (pid " + pid.getAsLong() + ")...");
        if (!Processes.stop(pid.getAsLong(), component.stopSignal(), context.settings().stopTimeout())) {
            context.console().warn(component.name() + " did not exit within " + context.settings().stopTimeout().toSeconds()
                    + "s of SIG" + component.stopSignal() + "; sent SIGKILL (see " + log(component) + ")");
        }
        forget(component);
        context.console().say(component.name() + ": stopped in " + Seconds.since(started) + "s");
    }

    /** SIGKILL to a component, as a crash (the crash tests): waits until it is gone and its ports are free. */
    public void kill(String name) {
        Component component = component(name);
        long pid = pid(component).orElseThrow(() -> new LauncherException(name + " is not running"));
        Processes.kill(pid);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (component.portVariables().stream().anyMatch(variable -> !Http.free(context.settings().port(variable)))) {
            if (System.nanoTime() > deadline) {
                throw new LauncherException(name + " (pid " + pid + ") is gone but its ports are still in use");
            }
            Processes.pause(HEALTH_POLL);
        }
    }

    /** The recorded PID of a component that runs and is ours. */
    public OptionalLong pid(Component component) {
        return Processes.running(context.state().pidFile(component.name()), component.marker(context));
    }

    public OptionalLong pid(String name) {
        return pid(component(name));
    }

    /** Wipes data, config, logs and PIDs of the state dir: only one the launcher made (it has the marker). */
    public void clean() {
        Path root = context.state().root();
        if (!Files.isDirectory(root)) {
            context.console().say("stack: " + root + " does not exist; nothing to clean");
            return;
        }
        if (!context.state().isOurs()) {
            throw new LauncherException("refusing to clean " + root + ": it has no " + StateDir.MARKER
                    + " marker, so the launcher did not create it");
        }
        try (StateDir.Lock lock = lockState()) {
            stopInOrder(components);
        }
        for (Path dir : List.of(context.state().data(), context.state().conf(), context.state().logs(),
                context.state().pids(), context.state().run(), context.state().cache(), context.state().startupTimes())) {
            delete(dir);
        }
        context.console().say("stack: wiped data, logs and config in " + root);
    }

    public Path log(Component component) {
        return context.state().log(component.name());
    }

    private OptionalLong readyPid(Component component) {
        return Processes.recorded(context.state().readyFile(component.name()));
    }

    private void markReady(Component component, long pid) {
        write(context.state().readyFile(component.name()), pid + "\n");
    }

    private void forget(Component component) {
        delete(context.state().pidFile(component.name()));
        delete(context.state().readyFile(component.name()));
    }

    private StateDir.Lock lockState() {
        return context.state().lock(LOCK_TIMEOUT);
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    /** The process of a component, for status: its PID and resident memory. */
    public Optional<Long> rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
