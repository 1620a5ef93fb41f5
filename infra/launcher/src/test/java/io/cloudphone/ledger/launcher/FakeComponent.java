package io.cloudphone.ledger.launcher;

import io.cloudphone.ledger.launcher.component.Component;
import io.cloudphone.ledger.launcher.core.StackContext;
import io.cloudphone.ledger.launcher.process.ProcessSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A component that is a real process (sleep, which ends on SIGTERM), with the health and set-up a test chooses.
 * Its marker is its command line: a sleep of a duration no other process here has.
 */
final class FakeComponent implements Component {

    private final String name;
    private final boolean app;
    private final List<String> portVariables;
    private final Predicate<StackContext> healthy;
    private final String seconds = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    final AtomicInteger setUps = new AtomicInteger();

    FakeComponent(String name, boolean app, List<String> portVariables, Predicate<StackContext> healthy) {
        this.name = name;
        this.app = app;
        this.portVariables = portVariables;
        this.healthy = healthy;
    }

    static FakeComponent healthyStack(String name) {
        return new FakeComponent(name, false, List.of(), context -> true);
    }

    static FakeComponent healthyApp(String name) {
        return new FakeComponent(name, true, List.of(), context -> true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> portVariables() {
        return portVariables;
    }

    @Override
    public String marker(StackContext context) {
        return "sleep " + seconds;
    }

    @Override
    public void prepare(StackContext context) {
    }

    @Override
    public ProcessSpec launch(StackContext context) {
        return new ProcessSpec(List.of("sleep", seconds), context.state().root(), Map.of(), marker(context));
    }

    @Override
    public boolean healthy(StackContext context) {
        return healthy.test(context);
    }

    @Override
    public void setUp(StackContext context) {
        setUps.incrementAndGet();
    }

    @Override
    public boolean isApp() {
        return app;
    }
}
