package io.cloudphone.ledger.streams.payments.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README draws each machine from its table: between {@code <!-- order-machine:start -->} and
 * {@code <!-- order-machine:end -->} (and likewise for payment, refund, invoice) it must hold exactly what the
 * table renders. {@code -Dcpl.docs.write=true} rewrites those sections instead of failing.
 */
class PaymentsReadmeTest {

    /** The module's README; tests run in the module's directory. */
    private static final Path README = Path.of("README.md");

    private static final boolean WRITE = Boolean.getBoolean("cpl.docs.write");

    static Stream<TransitionTable<?, ?, ?>> tables() {
        return MachineTablesTest.tables();
    }

    @ParameterizedTest
    @MethodSource("tables")
    void theReadmeDrawsTheMachineExactlyAsItsTableDecides(TransitionTable<?, ?, ?> table) throws IOException {
        String readme = Files.readString(README);
        String start = "<!-- " + table.name() + "-machine:start -->";
        String end = "<!-- " + table.name() + "-machine:end -->";
        int from = readme.indexOf(start);
        int to = readme.indexOf(end);
        assertThat(from).as("README.md has %s", start).isNotNegative();
        assertThat(to).as("README.md has %s after %s", end, start).isGreaterThan(from);

        String current = readme.substring(from + start.length(), to);
        String rendered = rendered(table);
        if (WRITE) {
            Files.writeString(README, readme.substring(0, from + start.length()) + rendered + readme.substring(to));
        } else {
            assertThat(current).as("the %s section of README.md: run the test with -Dcpl.docs.write=true",
                    table.name()).isEqualTo(rendered);
        }
    }

    private static String rendered(TransitionTable<?, ?, ?> table) {
        return "\n```mermaid\n" + table.mermaid() + "```\n\n" + table.markdownTable() + "\nDeadlines (each fires only"
                + " while the " + table.name() + " is still in its state):\n\n" + table.deadlineTable();
    }
}
