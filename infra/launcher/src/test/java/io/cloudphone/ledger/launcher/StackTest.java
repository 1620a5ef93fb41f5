package io.cloudphone.ledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudphone.ledger.launcher.component.App;
import io.cloudphone.ledger.launcher.component.Component;
import io.cloudphone.ledger.launcher.core.Console;
import io.cloudphone.ledger.launcher.core.LauncherException;
import io.cloudphone.ledger.launcher.core.StackContext;
import io.cloudphone.ledger.launcher.core.StackSettings;
import io.cloudphone.ledger.launcher.process.Processes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's own logic on components that are real processes (sleep) with health a test chooses. */
class StackTest {

    @TempDir
    Path repo;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Map<String, String> environment = new HashMap<>(Map.of("CPL_HEALTH_TIMEOUT", "2",
            "CPL_STOP_TIMEOUT", "5"));
    private Stack stack;

    @AfterEach
    void stopWhatRuns() {
        if (stack != null) {
            stack.stopAll();
        }
    }

    @Test
    void startsEachComponentAsItsOwnProcessWithItsPidFileAndLog() {
        FakeComponent one = FakeComponent.healthyStack("one");
        stack = stack(List.of(one));

        stack.start(List.of(one));

        long pid = stack.pid("one").orElseThrow();
        assertThat(Processes.isGone(pid)).isFalse();
        assertThat(stack.context().state().pidFile("one")).content().isEqualToIgnoringNewLines(Long.toString(pid));
        assertThat(stack.log(one)).exists();
        assertThat(one.setUps).hasValue(1);
    }

    @Test
    void aComponentThatRunsIsLeftAloneAndOnlyAnUnfinishedSetUpIsRedone() throws IOException {
        FakeComponent one = FakeComponent.healthyStack("one");
        stack = stack(List.of(one));
        stack.start(List.of(one));
        long pid = stack.pid("one").orElseThrow();

        stack.start(List.of(one));
        assertThat(stack.pid("one")).hasValue(pid);
        assertThat(one.setUps).as("set-up completed: not redone").hasValue(1);

        Files.delete(stack.context().state().readyFile("one"));
        stack.start(List.of(one));
        assertThat(stack.pid("one")).hasValue(pid);
        assertThat(one.setUps).as("set-up never completed: redone").hasValue(2);
    }

    @Test
    void aComponentThatNeverBecomesHealthyFailsNamingItselfItsTimeoutAndItsLog() {
        FakeComponent sick = new FakeComponent("sick", false, List.of(), context -> false);
        environment.put("CPL_STOP_ON_FAILURE", "true");
        stack = stack(List.of(sick));

        assertThatThrownBy(() -> stack.start(List.of(sick)))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("sick did not become healthy within 2s")
                .hasMessageContaining(stack.log(sick).toString());
        assertThat(stack.pid("sick")).as("stopped again (CPL_STOP_ON_FAILURE)").isEmpty();
    }

    @Test
    void aPortInUseIsOneLineNamingTheComponentTheVariableAndTheLog() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            environment.put("CPL_FAKE_PORT", Integer.toString(taken.getLocalPort()));
            FakeComponent busy = new FakeComponent("busy", false, List.of("CPL_FAKE_PORT"), context -> true);
            stack = stack(List.of(busy));

            assertThatThrownBy(() -> stack.start(List.of(busy)))
                    .hasMessage("busy cannot start: port " + taken.getLocalPort() + " is already in use (set CPL_FAKE_PORT "
                            + "to a free port); see " + stack.log(busy));
            assertThat(stack.pid("busy")).isEmpty();
        }
    }

    @Test
    void aStalePidFileIsNotARunningComponent() throws IOException {
        FakeComponent one = FakeComponent.healthyStack("one");
        stack = stack(List.of(one));
        stack.context().state().create();
        // A PID that is gone, and a live PID (this JVM) whose command line lacks the component's marker.
        for (long pid : new long[] {deadPid(), ProcessHandle.current().pid()}) {
            Files.writeString(stack.context().state().pidFile("one"), pid + "\n");

            assertThat(stack.pid("one")).as("pid %d", pid).isEmpty();
        }
        stack.stop(List.of(one));
        assertThat(stack.context().state().pidFile("one")).as("forgotten, nothing signalled").doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void stopsTheAppsFirstThenTheStackInReverseOrder() {
        List<Component> components = List.of(FakeComponent.healthyStack("first"), FakeComponent.healthyStack("second"),
                FakeComponent.healthyApp("app"));
        stack = stack(components);
        stack.start(stack.stackComponents());
        stack.start(stack.apps());

        stack.stopAll();

        List<String> stopped = new ArrayList<>();
        for (String line : printed.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.endsWith("...") && line.contains(": stopping")) {
                stopped.add(line.substring(0, line.indexOf(':')));
            }
        }
        assertThat(stopped).containsExactly("app", "second", "first");
        assertThat(components).allSatisfy(component -> assertThat(stack.pid(component)).isEmpty());
    }

    @Test
    void cleanRefusesADirectoryTheLauncherDidNotMake() throws IOException {
        environment.put("CPL_STATE_DIR", Files.createDirectories(repo.resolve("somebody-elses")).toString());
        stack = stack(List.of());

        assertThatThrownBy(() -> stack.clean()).hasMessageContaining("refusing to clean");
    }

    @Test
    void anAppsJarIsItsModulesSpringBootJarAndAMissingOneIsAnErrorNamingTheApp() throws IOException {
        App demo = new App("demo", "apps/demo", "CPL_DEMO_PORT", null);
        stack = stack(List.of(FakeComponent.healthyStack("one"), demo));
        Path jar = Files.createDirectories(repo.resolve("apps/demo/target")).resolve("demo-exec.jar");

        assertThatThrownBy(() -> stack.appJar("demo")).hasMessageContaining("demo: no runnable jar");
        writeJar(jar, "demo/Plain.class");
        assertThatThrownBy(() -> stack.appJar("demo")).as("a jar that is no Spring Boot jar")
                .hasMessageContaining("demo: no runnable jar");
        writeJar(jar, "BOOT-INF/classes/");
        assertThat(stack.appJar("demo")).isEqualTo(jar);
        assertThatThrownBy(() -> stack.appJar("one")).hasMessageContaining("one is not an app");
    }

    private static void writeJar(Path jar, String entry) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.closeEntry();
        }
    }

    private Stack stack(List<Component> components) {
        environment.putIfAbsent("CPL_STATE_DIR", repo.resolve("state").toString());
        Console console = new Console(new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);
        return new Stack(StackContext.of(StackSettings.of(environment, repo, repo), console), components);
    }

    private static long deadPid() {
        try {
            Process process = new ProcessBuilder("true").start();
            process.waitFor();
            return process.pid();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
