package io.cloudphone.ledger.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.LocalStack;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * README's walkthrough, run as a newcomer would run it (bash, curl, jq) against the running system, and what each
 * command prints compared with the output README shows under it ({@code …} matches anything). Only two things are
 * changed: the API's address, and the user's name made unique so that the run does not meet an earlier one.
 */
@ExtendWith(RunningSystem.class)
class ReadmeWalkthroughIT {

    private static final String BLOCK_START = "```bash\nAPI=http://127.0.0.1:8080\n";
    private static final String MARKER = "@@@cpl-walkthrough-step@@@";
    private static final long RUN_SECONDS_MAX = 120;

    /** A run of command lines and the output README shows right under them (empty when it shows none). */
    record Step(String commands, List<String> shownOutput) {
    }

    /** Every walkthrough block, in README's order: the first registers the user the later ones log in as. */
    @Test
    void everyCommandOfTheWalkthroughsPrintsWhatReadmeShows(Apps apps) throws Exception {
        String user = "walk" + UUID.randomUUID().toString().substring(0, 8);
        List<String> blocks = walkthroughs();
        assertThat(blocks).as("README's walkthroughs: the ledger's and the payments'").hasSizeGreaterThanOrEqualTo(2);
        for (String walkthrough : blocks) {
            String block = walkthrough.replace("alice", user)
                    .replace("API=http://127.0.0.1:8080", "API=" + apps.api().baseUrl())
                    .replace("SIM=http://127.0.0.1:8090", "SIM=" + apps.simulator().client().baseUrl());
            List<Step> steps = steps(block);
            assertThat(steps.stream().filter(step -> !step.shownOutput().isEmpty()).count())
                    .as("steps with an output to compare").isGreaterThanOrEqualTo(4);

            List<String> printed = run(steps);

            assertThat(printed).hasSize(steps.size());
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (!step.shownOutput().isEmpty()) {
                    String shown = String.join("", step.shownOutput());
                    assertThat(printed.get(i).strip()).as("what `%s` prints, against README's %s", step.commands(),
                            shown).matches(pattern(shown));
                }
            }
        }
    }

    private static List<String> walkthroughs() throws IOException {
        String readme = Files.readString(Path.of(LocalStack.repoRoot(), "README.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        int start = readme.indexOf(BLOCK_START);
        while (start >= 0) {
            int end = readme.indexOf("\n```", start + BLOCK_START.length());
            blocks.add(readme.substring(start + "```bash\n".length(), end + 1));
            start = readme.indexOf(BLOCK_START, end);
        }
        return blocks;
    }

    /**
     * Splits the block into steps: consecutive command lines make one step, and the comment lines right under them
     * that start with {@code # {}, {@code # [} or a 3-digit status (continued by lines starting {@code #  }) are
     * what it prints. Other comments (the numbered titles) and blank lines only separate steps.
     */
    static List<Step> steps(String block) {
        List<Step> steps = new ArrayList<>();
        StringBuilder commands = new StringBuilder();
        List<String> output = new ArrayList<>();
        for (String line : block.split("\n")) {
            boolean comment = line.startsWith("#");
            boolean shown = comment && (line.startsWith("# {") || line.startsWith("# [") || line.matches("# \\d{3}")
                    || line.startsWith("#  ") && !output.isEmpty());
            if (!comment && !line.isBlank() && output.isEmpty()) {
                commands.append(line).append('\n');
            } else if (shown && !commands.isEmpty()) {
                output.add(line.substring(line.startsWith("#  ") ? 3 : 2));
            } else if (!commands.isEmpty()) {
                steps.add(new Step(commands.toString().strip(), List.copyOf(output)));
                commands.setLength(0);
                output.clear();
                if (!comment && !line.isBlank()) {
                    commands.append(line).append('\n');
                }
            }
        }
        if (!commands.isEmpty()) {
            steps.add(new Step(commands.toString().strip(), List.copyOf(output)));
        }
        return steps;
    }

    /** Runs all steps in one bash, as one terminal session; what each printed, in order. */
    private static List<String> run(List<Step> steps) throws Exception {
        StringBuilder script = new StringBuilder();
        for (Step step : steps) {
            script.append(step.commands()).append("\necho\necho ").append(MARKER).append('\n');
        }
        Path file = Files.createTempFile("walkthrough", ".sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true).start();
        bash.getOutputStream().close();
        assertThat(bash.waitFor(RUN_SECONDS_MAX, TimeUnit.SECONDS)).as("the walkthrough ends within its bound").isTrue();
        String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.delete(file);
        List<String> parts = new ArrayList<>(List.of(printed.split(Pattern.quote(MARKER) + "\n?", -1)));
        assertThat(parts.removeLast().strip()).as("nothing after the last step").isEmpty();
        return parts;
    }

    /** README's output as a pattern: literal text, where {@code …} stands for anything. */
    static String pattern(String shown) {
        List<String> literals = List.of(shown.split("…", -1));
        return String.join(".*", literals.stream().map(Pattern::quote).toList());
    }
}
