package io.cloudphone.ledger.launcher.component;

import io.cloudphone.ledger.launcher.core.Http;
import io.cloudphone.ledger.launcher.core.StackContext;
import io.cloudphone.ledger.launcher.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * One of the system's Spring Boot apps, from its runnable jar ({@code <module>/target/<name>-exec.jar}, or
 * {@code CPL_<NAME>_JAR}), started by {@code run} and {@code up} after the stack. Healthy when
 * {@code /actuator/health} says UP. A new app (a stream app, a simulator) is one instance of this in
 * {@link Components}.
 *
 * @param module       its module directory, relative to the repository root
 * @param portVariable the setting of its HTTP port
 * @param stateDirVariable the setting the app reads its local state dir from (Kafka Streams' RocksDB), null when it
 *                     keeps none; under the stack it is {@code data/<name>}, kept across restarts, wiped by clean
 */
public record App(String name, String module, String portVariable, String stateDirVariable) implements Component {

    @Override
    public List<String> portVariables() {
        return List.of(portVariable);
    }

    @Override
    public boolean isApp() {
        return true;
    }

    @Override
    public Duration healthTimeout(StackContext context) {
        return context.settings().appTimeout();
    }

    @Override
    public List<String> missingArtifacts(StackContext context) {
        return jar(context).isPresent() ? List.of()
                : List.of(name + ": no runnable jar in " + context.settings().repoRoot().resolve(module).resolve("target"));
    }

    @Override
    public void prepare(StackContext context) {
        if (stateDirVariable != null) {
            Registry.mkdirs(context.state().data().resolve(name));
        }
    }

    @Override
    public ProcessSpec launch(StackContext context) {
        List<String> command = new ArrayList<>(List.of(context.java().toString(),
                "-Xmx" + context.settings().getOrDefault("CPL_APP_HEAP", "384m")));
        command.addAll(context.javaOptions(name));
        // CPL_APP_JAVA_OPTS: extra JVM options for every app, e.g. -XX:StartFlightRecording=... to profile them.
        String extra = context.settings().getOrDefault("CPL_APP_JAVA_OPTS", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar(context).orElseThrow().toString()));
        Map<String, String> environment = stateDirVariable == null ? Map.of()
                : Map.of(stateDirVariable, context.state().data().resolve(name).toString());
        return new ProcessSpec(command, context.settings().repoRoot(), environment, marker(context));
    }

    @Override
    public boolean healthy(StackContext context) {
        return "UP".equals(Http.get(healthUrl(context)).json().path("status").asText());
    }

    public String healthUrl(StackContext context) {
        return "http://127.0.0.1:" + context.settings().get(portVariable) + "/actuator/health";
    }

    /** The runnable jar: the override, or the module's -exec.jar; a plain (not Spring Boot) jar does not count. */
    public Optional<Path> jar(StackContext context) {
        String override = context.settings().getOrDefault("CPL_" + name.toUpperCase().replace('-', '_') + "_JAR", "");
        if (!override.isEmpty()) {
            return Optional.of(Path.of(override)).filter(Files::isRegularFile);
        }
        Path jar = context.settings().repoRoot().resolve(module).resolve("target").resolve(name + "-exec.jar");
        return isSpringBootJar(jar) ? Optional.of(jar) : Optional.empty();
    }

    private static boolean isSpringBootJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry("BOOT-INF/") != null || zip.stream().anyMatch(entry -> entry.getName().startsWith("BOOT-INF/"));
        } catch (IOException notAJar) {
            return false;
        }
    }
}
