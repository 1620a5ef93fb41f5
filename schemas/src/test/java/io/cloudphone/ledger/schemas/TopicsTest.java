package io.cloudphone.ledger.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.schemas.TopicSpec.Cleanup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one list of topics, and README's topic table, which must say what it says. */
class TopicsTest {

    private static final Path README = Path.of("..", "README.md");
    /** A row of README's topic table: | `name` | partitions, cleanup[, N days] | key | value | written by | ... */
    private static final Pattern ROW = Pattern.compile("^\\| `(cpl\\.[^`]+)` \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\|");

    @Test
    void everyTopicIsListedOnceAndEveryNameConstantIsOneOfThem() {
        assertThat(Topics.ALL).extracting(TopicSpec::name).doesNotHaveDuplicates();
        for (String name : List.of(Topics.ACCOUNT_COMMANDS, Topics.LEDGER_DECISIONS, Topics.LEDGER_ENTRIES,
                Topics.LEDGER_BALANCES, Topics.LEDGER_TRANSFER_LEGS, Topics.LEDGER_DEAD_LETTERS, Topics.USER_EVENTS,
                Topics.ROLE_EVENTS, Topics.NOTIFICATION_EVENTS)) {
            assertThat(Topics.named(name)).as(name).isPresent();
        }
    }

    @Test
    void topicsKeyedByAccountHaveOnePartitionCount() {
        // The ledger reads commands and its own legs in one task: keys must land on the same partition number.
        assertThat(Topics.ALL).filteredOn(topic -> topic.key().startsWith("account id"))
                .extracting(TopicSpec::partitions).containsOnly(Topics.PARTITIONS);
    }

    @Test
    void configsSayTheCleanupAndARetentionOnlyWhereOneIsSet() {
        assertThat(Topics.named(Topics.LEDGER_BALANCES).orElseThrow().configs())
                .containsExactly(Map.entry("cleanup.policy", "compact"));
        assertThat(Topics.named(Topics.LEDGER_DEAD_LETTERS).orElseThrow().configs())
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(30).toMillis()));
        assertThat(Topics.named(Topics.LEDGER_ENTRIES).orElseThrow().configs()).doesNotContainKey("retention.ms");
    }

    @Test
    void readmesTopicTableSaysWhatTheCatalogueSays() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(README)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.put(row.group(1), new String[] {row.group(2).strip(), row.group(4).strip(), row.group(5).strip()});
            }
        }

        assertThat(rows.keySet()).as("topics in README").containsExactlyInAnyOrderElementsOf(
                Topics.ALL.stream().map(TopicSpec::name).toList());
        for (TopicSpec topic : Topics.ALL) {
            String[] row = rows.get(topic.name());
            assertThat(row[0]).as("partitions and cleanup of %s", topic.name()).isEqualTo(layout(topic));
            assertThat(row[1]).as("value of %s", topic.name()).startsWith(topic.value().equals(TopicSpec.RAW)
                    ? TopicSpec.RAW + ":" : "`" + topic.value() + "`");
            assertThat(row[2]).as("writer of %s", topic.name()).isEqualTo(topic.writer());
        }
    }

    private static String layout(TopicSpec topic) {
        String layout = topic.partitions() + ", " + topic.cleanup().name().toLowerCase(java.util.Locale.ROOT);
        if (topic.cleanup() == Cleanup.DELETE && topic.retention() != null) {
            layout += ", " + topic.retention().toDays() + " days";
        }
        return layout;
    }
}
