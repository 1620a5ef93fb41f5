package io.cloudphone.ledger.launcher.component;

import io.cloudphone.ledger.launcher.core.Http;
import io.cloudphone.ledger.launcher.core.LauncherException;
import io.cloudphone.ledger.launcher.core.StackContext;
import io.cloudphone.ledger.launcher.core.Templates;
import io.cloudphone.ledger.launcher.process.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry (a prebuilt Quarkus app) serving the Confluent-compatible API at /apis/ccompat/v7, its schemas in
 * PostgreSQL. Set up: global compatibility BACKWARD (a new reader must read old data), set and read back.
 */
public final class Registry implements Component {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "registry";
    }

    @Override
    public List<String> portVariables() {
        return List.of("CPL_REGISTRY_PORT", "CPL_REGISTRY_MANAGEMENT_PORT");
    }

    @Override
    public List<String> missingArtifacts(StackContext context) {
        return Files.isRegularFile(app(context)) ? List.of()
                : List.of("registry: artifacts missing in " + app(context).getParent());
    }

    @Override
    public void prepare(StackContext context) {
        Path snapshots = context.state().data().resolve("registry/snapshots");
        Templates.render(context.config("registry-application.properties.template"),
                context.state().conf().resolve("registry/application.properties"), Map.of(
                        "CPL_REGISTRY_PORT", context.settings().get("CPL_REGISTRY_PORT"),
                        "CPL_REGISTRY_MANAGEMENT_PORT", context.settings().get("CPL_REGISTRY_MANAGEMENT_PORT"),
                        "CPL_PG_PORT", context.settings().get("CPL_PG_PORT"),
                        "CPL_PG_USER", context.settings().get("CPL_PG_USER"),
                        "CPL_PG_PASSWORD", context.settings().get("CPL_PG_PASSWORD"),
                        "REGISTRY_SNAPSHOT_DIR", snapshots.toString()), true);
        mkdirs(snapshots);
    }

    @Override
    public ProcessSpec launch(StackContext context) {
        List<String> command = new ArrayList<>(List.of(context.java().toString(), "-Xmx256m"));
        command.addAll(context.javaOptions(name()));
        command.addAll(List.of("-Dquarkus.config.locations=file:"
                + context.state().conf().resolve("registry/application.properties"), "-jar", app(context).toString()));
        return new ProcessSpec(command, context.state().data().resolve("registry"), Map.of(), marker(context));
    }

    @Override
    public boolean healthy(StackContext context) {
        return Http.get("http://127.0.0.1:" + context.settings().get("CPL_REGISTRY_MANAGEMENT_PORT") + "/health/ready")
                .status() == 200 && Http.get(url(context) + "/config").status() == 200;
    }

    @Override
    public void setUp(StackContext context) {
        String config = url(context) + "/config";
        Http.Answer set = Http.put(config, CONTENT_TYPE, "{\"compatibility\":\"BACKWARD\"}", REQUEST_TIMEOUT);
        if (set.status() != 200) {
            throw new LauncherException("registry: setting global compatibility BACKWARD failed (PUT " + config + ": "
                    + set.status() + " " + set.body() + "); see " + context.log(name()));
        }
        var read = Http.get(config).json();
        String level = read.path("compatibilityLevel").asText(read.path("compatibility").asText(""));
        if (!level.equals("BACKWARD")) {
            throw new LauncherException("registry: global compatibility is not BACKWARD after setting it (GET " + config
                    + " said " + read + "); see " + context.log(name()));
        }
        context.console().say("registry: global compatibility BACKWARD; Confluent-compatible API at " + url(context));
    }

    public static String url(StackContext context) {
        return "http://127.0.0.1:" + context.settings().get("CPL_REGISTRY_PORT") + "/apis/ccompat/v7";
    }

    private static Path app(StackContext context) {
        return context.settings().stackArtifacts().resolve("apicurio/quarkus-run.jar");
    }

    static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
