package io.cloudphone.ledger.launcher.component;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudphone.ledger.launcher.core.Http;
import io.cloudphone.ledger.launcher.core.LauncherException;
import io.cloudphone.ledger.launcher.core.StackContext;
import io.cloudphone.ledger.launcher.core.Templates;
import io.cloudphone.ledger.launcher.process.ProcessSpec;
import io.cloudphone.ledger.launcher.process.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kafka Connect worker (distributed mode, one worker, exactly-once source support) running the Debezium outbox
 * connector from connectors/. Set up: the plugins it needs are listed, the connector is PUT (create or update:
 * idempotent) and awaited RUNNING, connector and task.
 */
public final class Connect implements Component {

    public static final String CONNECTOR = "ledger-outbox";
    static final List<String> REQUIRED_PLUGINS = List.of("io.debezium.connector.postgresql.PostgresConnector",
            "io.debezium.transforms.outbox.EventRouter", "io.debezium.converters.BinaryDataConverter");
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration POLL = Duration.ofMillis(500);

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public List<String> portVariables() {
        return List.of("CPL_CONNECT_PORT");
    }

    @Override
    public List<String> missingArtifacts(StackContext context) {
        return Kafka.hasJar(plugins(context).resolve("debezium-connector-postgres"), "debezium-connector-postgres-")
                ? List.of() : List.of("connect: Debezium plugin missing in " + plugins(context));
    }

    @Override
    public void prepare(StackContext context) {
        Path conf = context.state().conf().resolve("connect");
        Registry.mkdirs(context.state().data().resolve("connect"));
        // service_load cuts the REST start-up from ~10 s to ~4 s; CPL_CONNECT_PLUGIN_DISCOVERY=hybrid_warn finds
        // plugins without ServiceLoader manifests, should one ever lack them.
        Templates.render(context.config("connect-distributed.properties.template"), conf.resolve("connect-distributed.properties"),
                Map.of("CPL_KAFKA_PORT", context.settings().get("CPL_KAFKA_PORT"),
                        "CPL_CONNECT_PORT", context.settings().get("CPL_CONNECT_PORT"),
                        "CONNECT_PLUGIN_PATH", plugins(context).toString(),
                        "CONNECT_PLUGIN_DISCOVERY", context.settings().getOrDefault("CPL_CONNECT_PLUGIN_DISCOVERY", "service_load")),
                false);
        Templates.copy(context.config("connect-log4j2.properties"), conf.resolve("log4j2.properties"));
    }

    @Override
    public ProcessSpec launch(StackContext context) {
        Path conf = context.state().conf().resolve("connect");
        List<String> command = new ArrayList<>(List.of(context.java().toString(), "-Xms128m", "-Xmx512m"));
        command.addAll(context.javaOptions(name()));
        command.addAll(List.of("-Dlog4j2.configurationFile=" + conf.resolve("log4j2.properties"), "-cp",
                Kafka.lib(context) + "/*", "org.apache.kafka.connect.cli.ConnectDistributed",
                conf.resolve("connect-distributed.properties").toString()));
        return new ProcessSpec(command, context.state().data().resolve("connect"), Map.of(), marker(context));
    }

    @Override
    public boolean healthy(StackContext context) {
        return Http.get(url(context) + "/").status() == 200;
    }

    @Override
    public void setUp(StackContext context) {
        requirePlugins(context);
        register(context);
        awaitRunning(context);
    }

    private void requirePlugins(StackContext context) {
        JsonNode listed = Http.get(url(context) + "/connector-plugins?connectorsOnly=false").json();
        List<String> missing = REQUIRED_PLUGINS.stream().filter(plugin -> {
            for (JsonNode entry : listed) {
                if (plugin.equals(entry.path("class").asText())) {
                    return false;
                }
            }
            return true;
        }).toList();
        if (!missing.isEmpty()) {
            throw new LauncherException("connect: plugins not found in " + plugins(context) + ": " + missing
                    + " (rebuild with ./mvnw -DskipTests package, or set CPL_CONNECT_PLUGIN_DISCOVERY=hybrid_warn); see "
                    + context.log(name()));
        }
    }

    /** Retried while the worker is still joining its group (409 rebalance, 5xx), bounded. */
    private void register(StackContext context) {
        Path config = context.settings().repoRoot().resolve("connectors/src/main/connect/" + CONNECTOR + ".json");
        String body;
        try {
            body = Files.readString(config);
        } catch (IOException e) {
            throw new UncheckedIOException("connect: connector config " + config + " is missing", e);
        }
        String url = url(context) + "/connectors/" + CONNECTOR + "/config";
        long deadline = System.nanoTime() + context.settings().connectorTimeout().toNanos();
        Http.Answer answer = Http.put(url, "application/json", body, REQUEST_TIMEOUT);
        while (answer.status() != 200 && answer.status() != 201) {
            if (answer.status() / 100 == 4 && answer.status() != 409) {
                throw new LauncherException("connect: registering " + CONNECTOR + " was refused (HTTP " + answer.status()
                        + ": " + abbreviate(answer.body()) + "); see " + context.log(name()));
            }
            if (System.nanoTime() > deadline) {
                throw new LauncherException("connect: registering " + CONNECTOR + " did not succeed within "
                        + context.settings().connectorTimeout().toSeconds() + "s (last HTTP " + answer.status() + "); see "
                        + context.log(name()));
            }
            Processes.pause(POLL);
            answer = Http.put(url, "application/json", body, REQUEST_TIMEOUT);
        }
        context.console().say("connect: connector " + CONNECTOR + " registered from "
                + context.settings().repoRoot().relativize(config));
    }

    private void awaitRunning(StackContext context) {
        long deadline = System.nanoTime() + context.settings().connectorTimeout().toNanos();
        String status = url(context) + "/connectors/" + CONNECTOR + "/status";
        while (true) {
            JsonNode state = Http.get(status).json();
            String connector = state.path("connector").path("state").asText();
            String task = state.path("tasks").path(0).path("state").asText();
            if (connector.equals("RUNNING") && task.equals("RUNNING")) {
                context.console().say("connect: connector " + CONNECTOR + " RUNNING, task 0 RUNNING");
                return;
            }
            if (connector.equals("FAILED") || task.equals("FAILED") || System.nanoTime() > deadline) {
                String trace = state.path("tasks").path(0).path("trace").asText(state.path("connector").path("trace").asText(""));
                if (!trace.isEmpty()) {
                    context.console().error(abbreviate(trace));
                }
                throw new LauncherException("connect: connector " + CONNECTOR + " is not RUNNING (connector " + connector
                        + ", task " + task + "); see " + context.log(name()));
            }
            Processes.pause(POLL);
        }
    }

    public static String url(StackContext context) {
        return "http://127.0.0.1:" + context.settings().get("CPL_CONNECT_PORT");
    }

    private static Path plugins(StackContext context) {
        return context.settings().repoRoot().resolve("connectors/target/connect-plugins");
    }

    private static String abbreviate(String text) {
        return text.length() <= 1_500 ? text : text.substring(0, 1_500) + "...";
    }
}
