package io.cloudphone.ledger.launcher;

import io.cloudphone.ledger.launcher.component.App;
import io.cloudphone.ledger.launcher.component.Component;
import io.cloudphone.ledger.launcher.component.Connect;
import io.cloudphone.ledger.launcher.component.Kafka;
import io.cloudphone.ledger.launcher.component.Registry;
import io.cloudphone.ledger.launcher.core.Console;
import io.cloudphone.ledger.launcher.core.LauncherException;
import io.cloudphone.ledger.launcher.core.Seconds;
import io.cloudphone.ledger.launcher.core.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The command line of the local stack ({@code infra/bin/stack}, a shim that finds a JDK and runs this):
 * {@code start | stop [COMPONENT...] | status | clean | logs COMPONENT [-f] | run | up | help}. A failure is one
 * line on stderr naming the component and its log, and exit code 1; a usage error exits 2.
 */
public final class StackMain {

    private final Stack stack;
    private final Console console;

    StackMain(Stack stack) {
        this.stack = stack;
        this.console = stack.context().console();
    }

    public static void main(String[] args) {
        Path repoRoot = Path.of(System.getProperty("cpl.repo.root", ".")).toAbsolutePath().normalize();
        Console console = Console.system();
        try {
            System.exit(new StackMain(Stack.fromEnvironment(repoRoot, console)).run(args));
        } catch (LauncherException e) {
            console.error(e.getMessage());
            System.exit(1);
        }
    }

    int run(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        return switch (command) {
            case "start" -> start();
            case "stop" -> stop(rest);
            case "status" -> status();
            case "clean" -> clean();
            case "logs" -> logs(rest);
            case "run" -> foreground();
            case "up" -> up();
            case "help", "-h", "--help" -> usage(0);
            default -> usage(2);
        };
    }

    private int start() {
        long started = System.nanoTime();
        Map<String, Duration> ready = stack.start(stack.stackComponents());
        String total = Seconds.since(started);
        writeStartupTimes(ready, total);
        console.say("stack: ready in " + total + "s (state dir " + stack.context().state().root() + ")");
        console.say("start-up times (seconds from launch to ready; 0.0 = was already running), in "
                + stack.context().state().startupTimes() + ":");
        ready.forEach((name, time) -> console.say(String.format(Locale.ROOT, "  %-12s %6ss", name, Seconds.of(time))));
        printEndpoints();
        return 0;
    }

    private int stop(List<String> names) {
        if (names.isEmpty()) {
            stack.stopAll();
            return 0;
        }
        List<Component> which = new ArrayList<>();
        for (String name : names) {
            which.add(stack.component(name));
        }
        stack.stop(which);
        return 0;
    }

    private int clean() {
        stack.clean();
        return 0;
    }

    /** One line per component; an app also shows its health, and a DOWN app the reason below it. */
    private int status() {
        console.say(String.format(Locale.ROOT, "%-26s %-8s %-8s %-12s %-8s %-12s %s", "COMPONENT", "STATE", "PID",
                "PORTS", "RSS", "HEALTH", "LOG"));
        for (Component component : stack.components()) {
            OptionalLong pid = stack.pid(component);
            String ports = String.join(",", component.portVariables().stream()
                    .map(variable -> stack.context().settings().get(variable)).toList());
            AppHealth health = pid.isPresent() && component instanceof App app
                    ? AppHealth.read(app.healthUrl(stack.context())) : null;
            console.say(String.format(Locale.ROOT, "%-26s %-8s %-8s %-12s %-8s %-12s %s", component.name(),
                    pid.isPresent() ? "running" : "stopped", pid.isPresent() ? pid.getAsLong() : "-", ports,
                    pid.isPresent() ? stack.rssMegabytes(pid.getAsLong()).map(mb -> mb + " MB").orElse("-") : "-",
                    health == null ? "-" : health.status(), stack.log(component)));
            if (health != null && !health.reasons().isEmpty()) {
                console.say("  " + component.name() + ": " + String.join("; ", health.reasons()));
            }
        }
        return 0;
    }

    private int logs(List<String> args) {
        if (args.isEmpty()) {
            return usage(2);
        }
        Path log = args.get(0).equals("build") ? stack.context().state().logs().resolve("build.log")
                : stack.log(stack.component(args.get(0)));
        if (!Files.exists(log)) {
            throw new LauncherException(args.get(0) + " has no log yet (" + log + ")");
        }
        String lines = stack.context().settings().getOrDefault("CPL_LOG_LINES", "200");
        List<String> tail = new ArrayList<>(List.of("tail", "-n", lines));
        if (args.size() > 1 && args.get(1).equals("-f")) {
            tail.add("-F");
        }
        tail.add(log.toString());
        try {
            return new ProcessBuilder(tail).inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            throw new LauncherException("cannot run tail: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** The stack and the apps, in the background: for scripts (the benchmark) that need the whole system up. */
    private int up() {
        long started = System.nanoTime();
        Build.ifMissing(stack);
        start();
        stack.start(stack.apps());
        console.say("up: everything is up in " + Seconds.since(started) + "s; API http://127.0.0.1:"
                + stack.context().settings().get("CPL_API_PORT") + ", ledger queries http://127.0.0.1:"
                + stack.context().settings().get("CPL_LEDGER_PORT") + ", payments queries http://127.0.0.1:"
                + stack.context().settings().get("CPL_PAYMENTS_PORT"));
        return 0;
    }

    /** The stack and the apps in the foreground, watched until Ctrl-C or until an app fails. */
    private int foreground() {
        long started = System.nanoTime();
        Build.ifMissing(stack);
        Thread stopOnExit = new Thread(() -> {
            console.say("");
            console.say("run: stopping the apps, then the stack...");
            try {
                stack.stopAll();
            } catch (RuntimeException e) {
                console.error("run: stopping failed (" + e.getMessage() + "); infra/bin/stack stop ends what is left");
            }
        }, "run-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        start();
        stack.start(stack.apps());
        console.say("run: everything is up in " + Seconds.since(started) + "s");
        console.say("  API (command-api)    http://127.0.0.1:" + stack.context().settings().get("CPL_API_PORT"));
        console.say("  Ledger queries       http://127.0.0.1:" + stack.context().settings().get("CPL_LEDGER_PORT"));
        console.say("  Payments queries     http://127.0.0.1:" + stack.context().settings().get("CPL_PAYMENTS_PORT"));
        console.say("  Provider SIMULATOR   http://127.0.0.1:" + stack.context().settings().get("CPL_PAYMENT_SIM_PORT")
                + " (control API: /control; book: /control/book)");
        printEndpoints();
        console.say("run: Ctrl-C stops the apps and the stack");
        return watch();
    }

    private int watch() {
        AppWatch watch = new AppWatch();
        Duration healthInterval = stack.context().settings().seconds("CPL_RUN_HEALTH_INTERVAL", 2);
        for (long tick = 0; ; tick++) {
            boolean checkHealth = tick % Math.max(1, healthInterval.toSeconds()) == 0;
            for (Component component : stack.apps()) {
                App app = (App) component;
                boolean alive = stack.pid(app).isPresent();
                boolean recorded = Files.exists(stack.context().state().pidFile(app.name()));
                AppHealth health = alive && checkHealth ? AppHealth.read(app.healthUrl(stack.context())) : null;
                AppWatch.Verdict verdict = watch.see(app.name(), alive, recorded, health,
                        app.stateDirVariable() != null, stack.log(app).toString());
                switch (verdict) {
                    case AppWatch.GoOn goOn -> { }
                    case AppWatch.Report report -> console.say(report.line());
                    case AppWatch.End end -> {
                        if (end.exitCode() == 0) {
                            console.say(end.line());
                        } else {
                            console.error(end.line());
                        }
                        return end.exitCode();
                    }
                }
            }
            io.cloudphone.ledger.launcher.process.Processes.pause(Duration.ofSeconds(1));
        }
    }

    private void printEndpoints() {
        StackSettings settings = stack.context().settings();
        console.say("  Kafka bootstrap      " + Kafka.bootstrap(stack.context()));
        console.say("  PostgreSQL JDBC      jdbc:postgresql://127.0.0.1:" + settings.get("CPL_PG_PORT") + "/"
                + settings.get("CPL_PG_DATABASE") + " (user " + settings.get("CPL_PG_USER") + ")");
        console.say("  Registry (ccompat)   " + Registry.url(stack.context()));
        console.say("  Connect REST         " + Connect.url(stack.context()));
        console.say("  S3 endpoint          http://127.0.0.1:" + settings.get("CPL_S3_PORT") + " (access key "
                + settings.get("CPL_S3_ACCESS_KEY") + ", region us-east-1)");
    }

    private void writeStartupTimes(Map<String, Duration> ready, String total) {
        StringBuilder times = new StringBuilder();
        ready.forEach((name, time) -> times.append(String.format(Locale.ROOT, "%-12s %6ss%n", name, Seconds.of(time))));
        times.append(String.format(Locale.ROOT, "%-12s %6ss%n", "total", total));
        Stack.write(stack.context().state().startupTimes(), times.toString());
    }

    private int usage(int exitCode) {
        String components = String.join(" ", stack.components().stream().map(Component::name).toList());
        String text = """
                usage: infra/bin/stack COMMAND
                  start                start PostgreSQL, Kafka, Apicurio Registry, S3Proxy and Kafka Connect (+ the outbox connector)
                  stop [COMPONENT...]  stop every process this state dir recorded (apps first), or just the ones named
                  status               state, pid, ports, RSS, health (apps) and log of each component; why an app is DOWN
                  clean                stop, then wipe all data, logs and config in the state dir
                  logs COMPONENT [-f]  last CPL_LOG_LINES (200) lines of a component's log, or of build (-f follows)
                  run                  build what is missing, start, then the apps in the foreground; Ctrl-C stops everything;
                                       ends (exit 1) when an app exits or the ledger's streams stop or stall (health DOWN)
                  up                   the same in the background (stop ends it)
                components: %s
                state dir: %s (CPL_STATE_DIR); see infra/README.md for every setting
                """.formatted(components, stack.context().state().root());
        if (exitCode == 0) {
            System.out.print(text);
        } else {
            System.err.print(text);
        }
        return exitCode;
    }
}
