// Used by infra/bin/stack (compiled once into the state dir, run on the lib/kafka class path).
// Waits, bounded, until the broker answers a topic listing, then creates the topics declared in
// infra/config/topics.conf that do not exist yet. Existing topics are never changed: a partition count
// or config that differs from the file is reported, because repartitioning silently moves keys
// (and with them per-account ordering) to other partitions.
//
// Usage: KafkaTopics <bootstrap> <topics.conf> <timeoutSeconds>
// Exit:  0 ok, 2 broker did not answer in time, 3 bad topics.conf or a topic could not be created.

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

public final class KafkaTopics {

    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final int PARTITIONS_MAX = 1_000;
    private static final short REPLICATION_FACTOR = 1; // one broker
    private static final long REQUEST_TIMEOUT_MS = 5_000;
    private static final long POLL_INTERVAL_MS = 250;

    record TopicSpec(String name, int partitions, Map<String, String> configs) { }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: KafkaTopics <bootstrap> <topics.conf> <timeoutSeconds>");
            System.exit(3);
        }
        List<TopicSpec> specs;
        try {
            specs = parse(Path.of(args[1]));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(3);
            return;
        }
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[2]));
        try (Admin admin = Admin.create(adminConfig(args[0]))) {
            Set<String> existing = awaitTopicNames(admin, timeout);
            if (existing == null) {
                System.err.println("error: broker at " + args[0] + " did not answer within " + timeout.toSeconds() + "s");
                System.exit(2);
            }
            int failures = createMissing(admin, specs, existing);
            reportDrift(admin, specs, existing);
            System.exit(failures == 0 ? 0 : 3);
        }
    }

    static Properties adminConfig(String bootstrap) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT_MS);
        // Fail fast between polls instead of backing off for seconds while the broker comes up.
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        config.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200);
        return config;
    }

    /** The names of all topics, or null if the broker did not answer before the deadline. */
    static Set<String> awaitTopicNames(Admin admin, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        ListTopicsOptions options = new ListTopicsOptions().listInternal(false).timeoutMs((int) REQUEST_TIMEOUT_MS);
        while (Instant.now().isBefore(deadline)) {
            try {
                return admin.listTopics(options).names().get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                Thread.sleep(POLL_INTERVAL_MS);
            }
        }
        return null;
    }

    static int createMissing(Admin admin, List<TopicSpec> specs, Set<String> existing) throws InterruptedException {
        int failures = 0;
        for (TopicSpec spec : specs) {
            if (existing.contains(spec.name())) {
                continue;
            }
            NewTopic topic = new NewTopic(spec.name(), spec.partitions(), REPLICATION_FACTOR).configs(spec.configs());
            try {
                admin.createTopics(List.of(topic)).all().get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                System.out.println("kafka: created topic " + spec.name() + " (" + spec.partitions() + " partitions"
                        + (spec.configs().isEmpty() ? "" : ", " + spec.configs()) + ")");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    continue; // created concurrently: fine, drift is checked below
                }
                System.err.println("error: could not create topic " + spec.name() + ": " + e.getCause());
                failures++;
            } catch (java.util.concurrent.TimeoutException e) {
                System.err.println("error: creating topic " + spec.name() + " timed out");
                failures++;
            }
        }
        return failures;
    }

    static void reportDrift(Admin admin, List<TopicSpec> specs, Set<String> existedBefore) throws Exception {
        List<TopicSpec> checked = specs.stream().filter(spec -> existedBefore.contains(spec.name())).toList();
        if (checked.isEmpty()) {
            return;
        }
        Collection<String> names = checked.stream().map(TopicSpec::name).toList();
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(names).allTopicNames().get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs =
                admin.describeConfigs(resources).all().get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        for (TopicSpec spec : checked) {
            int partitions = descriptions.get(spec.name()).partitions().size();
            if (partitions != spec.partitions()) {
                System.err.println("warning: topic " + spec.name() + " has " + partitions + " partitions, topics.conf says "
                        + spec.partitions() + "; not changed (repartitioning moves keys to other partitions)");
            }
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            spec.configs().forEach((key, wanted) -> {
                ConfigEntry entry = actual.get(key);
                String value = entry == null ? null : entry.value();
                if (!wanted.equals(value)) {
                    System.err.println("warning: topic " + spec.name() + " has " + key + "=" + value
                            + ", topics.conf says " + wanted + "; not changed (use kafka-configs to change it)");
                }
            });
        }
    }

    /** One topic per line: name partitions [key=value ...]; '#' starts a comment. */
    static List<TopicSpec> parse(Path file) throws Exception {
        List<TopicSpec> specs = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).replaceFirst("#.*", "").strip();
            if (!line.isEmpty()) {
                specs.add(parseLine(line, file + ":" + (index + 1)));
            }
        }
        return specs;
    }

    static TopicSpec parseLine(String line, String where) {
        String[] fields = line.split("\\s+");
        if (fields.length < 2 || !TOPIC_NAME.matcher(fields[0]).matches()) {
            throw new IllegalArgumentException(where + ": expected 'name partitions [key=value ...]', got '" + line + "'");
        }
        int partitions;
        try {
            partitions = Integer.parseInt(fields[1]);
        } catch (NumberFormatException e) {
            partitions = -1;
        }
        if (partitions < 1 || partitions > PARTITIONS_MAX) {
            throw new IllegalArgumentException(where + ": partitions must be 1.." + PARTITIONS_MAX + ", got '" + fields[1] + "'");
        }
        Map<String, String> configs = new LinkedHashMap<>();
        for (int i = 2; i < fields.length; i++) {
            int equals = fields[i].indexOf('=');
            if (equals <= 0 || equals == fields[i].length() - 1) {
                throw new IllegalArgumentException(where + ": expected key=value, got '" + fields[i] + "'");
            }
            configs.put(fields[i].substring(0, equals), fields[i].substring(equals + 1));
        }
        return new TopicSpec(fields[0], partitions, configs);
    }
}
