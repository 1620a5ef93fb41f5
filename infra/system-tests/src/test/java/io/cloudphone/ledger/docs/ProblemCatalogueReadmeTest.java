package io.cloudphone.ledger.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.platform.web.CommonProblem;
import io.cloudphone.ledger.platform.web.ProblemType;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import io.cloudphone.ledger.streams.ledger.query.LedgerQueryProblem;
import io.cloudphone.ledger.streams.runtime.query.StoreProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README's error catalogue is the code's: the problem table is generated from the apps' problem types (rewrite it
 * with {@code -Dcpl.docs.write=true}), and every rejection code of the ledger has a row of its own.
 */
class ProblemCatalogueReadmeTest {

    private static final Path README = Path.of(System.getProperty("cpl.it.repo-root", "../.."), "README.md");
    private static final String START = "<!-- problem-catalogue:start -->\n";
    private static final String END = "<!-- problem-catalogue:end -->";

    /** Every module's problem types, with who answers them: a new enum of problems is added here. */
    private record Module(String answeredBy, List<? extends ProblemType> types) {
    }

    private static final List<Module> MODULES = List.of(
            new Module("both apps", List.of(CommonProblem.values())),
            new Module("command-api", List.of(CommandApiProblem.values())),
            new Module("ledger query API", List.of(StoreProblem.values())),
            new Module("ledger query API", List.of(LedgerQueryProblem.values())));

    @Test
    void readmesProblemTableIsTheAppsCatalogue() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README has the problem-catalogue markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String table = table();
        if (Boolean.getBoolean("cpl.docs.write")) {
            readme = readme.substring(0, start + START.length()) + table + readme.substring(end);
            Files.writeString(README, readme, StandardCharsets.UTF_8);
        }
        assertThat(readme.substring(start + START.length(), readme.indexOf(END)))
                .as("README's problem table; regenerate it with -Dcpl.docs.write=true on this test").isEqualTo(table);
    }

    @Test
    void everyRejectionCodeOfTheLedgerHasARowInReadme() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        for (RejectionCode code : RejectionCode.values()) {
            assertThat(readme).as("a row for " + code).containsPattern("\\n\\|[^\\n]*`" + code.name() + "`[^\\n]*\\|");
        }
    }

    @Test
    void noTwoProblemTypesShareACode() {
        List<String> codes = MODULES.stream().flatMap(module -> module.types().stream()).map(ProblemType::code).toList();
        assertThat(codes).doesNotHaveDuplicates();
    }

    private static String table() {
        StringBuilder table = new StringBuilder("| code | status | answered by | meaning |\n|---|---|---|---|\n");
        MODULES.stream().flatMap(module -> module.types().stream().map(type -> row(module, type)))
                .sorted().forEach(table::append);
        return table.toString();
    }

    private static String row(Module module, ProblemType type) {
        String status = type == CommonProblem.OTHER_CLIENT_ERROR ? "4xx" : Integer.toString(type.status().value());
        return "| `%s` | %s | %s | %s |\n".formatted(type.code(), status, module.answeredBy(),
                type.meaning().replace("|", "\\|"));
    }
}
