package io.cloudphone.ledger.streams.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicListing;

/**
 * Refuses to start a stream app whose topics do not exist. Kafka Streams checks only its sources; a missing
 * sink (the dead-letter topic, say) would surface only when the first record must go there, as a stream
 * thread dying long after the start that should have failed. The broker does not create topics: the
 * launcher does, from the one list of topics.
 */
public final class RequiredTopics {

    private RequiredTopics() {
    }

    /**
     * @throws IllegalStateException naming every missing topic, or saying that the broker did not answer within
     *                               {@code timeout}
     */
    public static void check(String bootstrapServers, Collection<String> topics, Duration timeout) {
        Set<String> missing = new TreeSet<>(topics);
        try (Admin admin = Admin.create(adminSettings(bootstrapServers, timeout))) {
            Map<String, TopicListing> existing = admin.listTopics().namesToListings()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            missing.removeAll(existing.keySet());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics at " + bootstrapServers + " within " + timeout
                    + " to check that " + topics + " exist: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics at " + bootstrapServers, e);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("topics " + List.copyOf(missing) + " do not exist at " + bootstrapServers
                    + "; create them first (infra/bin/stack start creates every topic of the system)");
        }
    }

    private static Properties adminSettings(String bootstrapServers, Duration timeout) {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 10_000));
        return settings;
    }
}
