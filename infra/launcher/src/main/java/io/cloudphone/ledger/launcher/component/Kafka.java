package io.cloudphone.ledger.launcher.component;

import io.cloudphone.ledger.launcher.core.Http;
import io.cloudphone.ledger.launcher.core.LauncherException;
import io.cloudphone.ledger.launcher.core.Seconds;
import io.cloudphone.ledger.launcher.core.Seconds;
import io.cloudphone.ledger.launcher.core.StackContext;
import io.cloudphone.ledger.launcher.core.Templates;
import io.cloudphone.ledger.launcher.kafka.TopicSetup;
import io.cloudphone.ledger.launcher.process.Commands;
import io.cloudphone.ledger.launcher.process.ProcessSpec;
import io.cloudphone.ledger.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A Kafka broker in KRaft mode, broker and controller in one process, its storage formatted once (standalone
 * quorum, cluster id kept in data/kafka.cluster-id). Set up: the topics of the catalogue exist.
 */
public final class Kafka implements Component {

    static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(120);

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public List<String> portVariables() {
        return List.of("CPL_KAFKA_PORT", "CPL_KAFKA_CONTROLLER_PORT");
    }

    @Override
    public List<String> missingArtifacts(StackContext context) {
        Path lib = lib(context);
        boolean present = hasJar(lib, "kafka_2.13-") && hasJar(lib, "connect-runtime-");
        return present ? List.of() : List.of("kafka: artifacts missing in " + lib);
    }

    @Override
    public void prepare(StackContext context) {
        Path conf = context.state().conf().resolve("kafka");
        Path data = dataDir(context);
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Templates.render(context.config("kafka-server.properties.template"), conf.resolve("server.properties"), Map.of(
                "CPL_KAFKA_PORT", context.settings().get("CPL_KAFKA_PORT"),
                "CPL_KAFKA_CONTROLLER_PORT", context.settings().get("CPL_KAFKA_CONTROLLER_PORT"),
                "KAFKA_DATA_DIR", data.toString()), false);
        Templates.copy(context.config("kafka-log4j2.properties"), conf.resolve("log4j2.properties"));
        Templates.copy(context.config("tools-log4j2.properties"), context.state().conf().resolve("tools-log4j2.properties"));
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(context, conf.resolve("server.properties"));
        }
    }

    private void format(StackContext context, Path serverProperties) {
        String clusterId = clusterId(context);
        context.console().say("kafka: formatting storage (cluster id " + clusterId + ", standalone KRaft quorum)");
        List<String> command = new ArrayList<>(tool(context));
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--standalone", "--cluster-id", clusterId,
                "--config", serverProperties.toString()));
        if (!Commands.run(command, Map.of(), null, context.log(name()), FORMAT_TIMEOUT).ok()) {
            throw new LauncherException("kafka: formatting storage failed; see " + context.log(name()));
        }
    }

    /** 16 random bytes, base64url without padding, never starting with '-' (read as an option by Kafka's tools). */
    private static String clusterId(StackContext context) {
        Path file = context.state().data().resolve("kafka.cluster-id");
        try {
            if (Files.exists(file) && !Files.readString(file).isBlank()) {
                return Files.readString(file).strip();
            }
            String id = "-";
            SecureRandom random = new SecureRandom();
            while (id.startsWith("-")) {
                byte[] bytes = new byte[16];
                random.nextBytes(bytes);
                id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ProcessSpec launch(StackContext context) {
        List<String> command = new ArrayList<>(List.of(context.java().toString(), "-Xms128m", "-Xmx512m"));
        command.addAll(context.javaOptions(name()));
        command.addAll(List.of("-Dlog4j2.configurationFile=" + context.state().conf().resolve("kafka/log4j2.properties"),
                "-cp", lib(context) + "/*", "kafka.Kafka", context.state().conf().resolve("kafka/server.properties").toString()));
        return new ProcessSpec(command, dataDir(context), Map.of(), marker(context));
    }

    /** A cheap first gate: the port listens. The set-up then proves the broker answers requests. */
    @Override
    public boolean healthy(StackContext context) {
        return Http.listening(context.settings().port("CPL_KAFKA_PORT"));
    }

    @Override
    public void setUp(StackContext context) {
        long started = System.nanoTime();
        new TopicSetup(context.console()).ensure(bootstrap(context), Topics.ALL, context.settings().healthTimeout());
        context.console().say("kafka: answered a topic listing; every topic of the catalogue exists ("
                + Seconds.since(started) + "s)");
    }

    public static String bootstrap(StackContext context) {
        return "127.0.0.1:" + context.settings().get("CPL_KAFKA_PORT");
    }

    static Path lib(StackContext context) {
        return context.settings().stackArtifacts().resolve("lib/kafka");
    }

    /** A short-lived Kafka tool on the broker's class path. */
    static List<String> tool(StackContext context) {
        return List.of(context.java().toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + context.state().conf().resolve("tools-log4j2.properties"),
                "-cp", lib(context) + "/*");
    }

    private static Path dataDir(StackContext context) {
        return context.state().data().resolve("kafka");
    }

    static boolean hasJar(Path dir, String prefix) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith(prefix));
        } catch (IOException noDir) {
            return false;
        }
    }
}
