package io.cloudphone.ledger.launcher.kafka;

import io.cloudphone.ledger.launcher.core.Console;
import io.cloudphone.ledger.launcher.core.LauncherException;
import io.cloudphone.ledger.schemas.TopicSpec;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes the topics of the catalogue ({@code schemas}' {@code Topics.ALL}) exist: waits, bounded, until the broker
 * answers a topic listing, creates what is missing, and reports (never changes) an existing topic whose partitions or
 * configs differ, because repartitioning silently moves keys, and with them per-account order, to other partitions.
 */
public final class TopicSetup {

    /** One broker locally. */
    static final short REPLICATION_FACTOR = 1;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final Duration POLL = Duration.ofMillis(250);

    private final Console console;

    public TopicSetup(Console console) {
        this.console = console;
    }

    public void ensure(String bootstrap, List<TopicSpec> topics, Duration answerTimeout) {
        try (Admin admin = Admin.create(settings(bootstrap))) {
            Set<String> existing = awaitTopicNames(admin, bootstrap, answerTimeout);
            for (TopicSpec topic : topics) {
                if (!existing.contains(topic.name())) {
                    create(admin, topic);
                }
            }
            reportDrift(admin, topics.stream().filter(topic -> existing.contains(topic.name())).toList());
        }
    }

    static Properties settings(String bootstrap) {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        // Fail fast between polls instead of backing off for seconds while the broker comes up.
        settings.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        settings.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200);
        return settings;
    }

    private Set<String> awaitTopicNames(Admin admin, String bootstrap, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ListTopicsOptions options = new ListTopicsOptions().listInternal(false).timeoutMs((int) REQUEST_TIMEOUT.toMillis());
        while (System.nanoTime() < deadline) {
            try {
                return admin.listTopics(options).names().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException notYet) {
                io.cloudphone.ledger.launcher.process.Processes.pause(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted while waiting for the broker");
            }
        }
        throw new LauncherException("kafka did not answer a topic listing at " + bootstrap + " within "
                + timeout.toSeconds() + "s");
    }

    private void create(Admin admin, TopicSpec topic) {
        NewTopic created = new NewTopic(topic.name(), topic.partitions(), REPLICATION_FACTOR).configs(topic.configs());
        try {
            admin.createTopics(List.of(created)).all().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            console.say("kafka: created topic " + topic.name() + " (" + topic.partitions() + " partitions, "
                    + topic.configs() + ")");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new LauncherException("kafka: could not create topic " + topic.name() + ": " + e.getCause());
            }
        } catch (TimeoutException e) {
            throw new LauncherException("kafka: creating topic " + topic.name() + " timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while creating topic " + topic.name());
        }
    }

    private void reportDrift(Admin admin, List<TopicSpec> existing) {
        if (existing.isEmpty()) {
            return;
        }
        Collection<String> names = existing.stream().map(TopicSpec::name).toList();
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                    .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList())
                    .all().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            for (TopicSpec topic : existing) {
                int partitions = descriptions.get(topic.name()).partitions().size();
                if (partitions != topic.partitions()) {
                    console.warn("topic " + topic.name() + " has " + partitions + " partitions, the catalogue says "
                            + topic.partitions() + "; not changed (repartitioning moves keys to other partitions)");
                }
                Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                topic.configs().forEach((key, wanted) -> {
                    var entry = actual.get(key);
                    if (entry == null || !wanted.equals(entry.value())) {
                        console.warn("topic " + topic.name() + " has " + key + "=" + (entry == null ? null : entry.value())
                                + ", the catalogue says " + wanted + "; not changed (use kafka-configs to change it)");
                    }
                });
            }
        } catch (ExecutionException | TimeoutException e) {
            console.warn("could not compare the existing topics with the catalogue: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
