package io.cloudphone.ledger.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The benchmark's figures: every run, the medians of repeated ones, and the ratios the targets are about. */
final class Report {

    private final BenchMain.Settings settings;
    private final List<RowLockBaseline.Result> baselines = new ArrayList<>();
    private final List<RestLoad.Result> rest = new ArrayList<>();
    private final List<LedgerAloneBench.Result> ledgerAlone = new ArrayList<>();

    Report(BenchMain.Settings settings) {
        this.settings = settings;
    }

    void baseline(RowLockBaseline.Result result) {
        System.err.printf("bench:   row-lock %d account(s), %d clients: %.0f tps, %.1f ms average%n", result.accounts(),
                result.clients(), result.tps(), result.latencyMsAverage());
        baselines.add(result);
    }

    void rest(RestLoad.Result result) {
        System.err.printf("bench:   %s: %d requests accepted, %.0f decisions/s, latency ms %s%n", result.name(),
                result.accepted(), result.decidedPerSecond(), result.latencyMs());
        rest.add(result);
    }

    void ledgerAlone(LedgerAloneBench.Result result) {
        System.err.printf("bench:   ledger alone %s: %d records in %.1f s, %.0f decisions/s%n", result.guarantee(),
                result.records(), result.seconds(), result.perSecond());
        ledgerAlone.add(result);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark ").append(Instant.now()).append("\n\n");
        out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append("; rounds: ").append(settings.repeat()).append("; REST load ").append(settings.loadDuration().toSeconds())
                .append(" s, pgbench ").append(settings.baselineDuration().toSeconds()).append(" s per run.\n\n");
        summary(out);
        out.append("\n## Every run\n\n| scenario | throughput | latency ms (p50 / p99) | notes |\n|---|---|---|---|\n");
        baselines.forEach(b -> out.append("| row-lock, %d account(s), %d clients | %.0f tps | %.1f average | pgbench |\n"
                .formatted(b.accounts(), b.clients(), b.tps(), b.latencyMsAverage())));
        rest.forEach(r -> out.append("| REST %s | %.0f decisions/s | %.1f / %.1f | %d accepted (202), %d decided (%d ACCEPTED), %d refused, %d shed; CPU s: %s |\n"
                .formatted(r.name(), r.decidedPerSecond(), r.latencyMs().p50(), r.latencyMs().p99(), r.accepted(),
                        r.decided(), r.decidedAccepted(), r.refused(), r.shed(), cpu(r.cpuSeconds()))));
        ledgerAlone.forEach(l -> out.append("| ledger alone, %s | %.0f decisions/s | - | %d records in %.1f s; CPU s: %s |\n"
                .formatted(l.guarantee(), l.perSecond(), l.records(), l.seconds(), cpu(l.cpuSeconds()))));
        return out.toString();
    }

    private void summary(StringBuilder out) {
        out.append("## Summary (medians of the rounds)\n\n| figure | value | target |\n|---|---|---|\n");
        if (!rest.isEmpty()) {
            double baselineHot = Stats.median(baselines.stream().filter(b -> b.accounts() == 1)
                    .map(RowLockBaseline.Result::tps).toList());
            double restHot = Stats.median(rest.stream().filter(r -> r.name().equals("hot"))
                    .map(RestLoad.Result::decidedPerSecond).toList());
            out.append("| hot account end to end, REST, %d clients | %.0f decisions/s | |\n".formatted(BenchMain.CLIENTS, restHot));
            out.append("| row-lock baseline, hot account, %d clients | %.0f tps | |\n".formatted(BenchMain.CLIENTS, baselineHot));
            out.append("| ratio hot account / baseline | %.2f | >= 3 |\n".formatted(restHot / baselineHot));
            rest.stream().filter(r -> r.name().startsWith("steady")).findFirst().ifPresent(steady -> out.append(
                    "| p99 202 -> visible decision at %d requests/s | %.1f ms (p50 %.1f) | <= 250 ms |\n"
                            .formatted(BenchMain.STEADY_RATE, steady.latencyMs().p99(), steady.latencyMs().p50())));
        }
        if (!ledgerAlone.isEmpty()) {
            double eos = Stats.median(ledgerAlone.stream().filter(l -> l.guarantee().equals("exactly_once_v2"))
                    .map(LedgerAloneBench.Result::perSecond).toList());
            double alo = Stats.median(ledgerAlone.stream().filter(l -> l.guarantee().equals("at_least_once"))
                    .map(LedgerAloneBench.Result::perSecond).toList());
            out.append("| ledger alone, exactly_once_v2 | %.0f decisions/s | >= 30,000 |\n".formatted(eos));
            out.append("| ledger alone, at_least_once | %.0f decisions/s | |\n".formatted(alo));
            out.append("| ratio exactly_once_v2 / at_least_once | %.2f | >= 0.8 |\n".formatted(eos / alo));
        }
    }

    private static String cpu(Map<String, Double> seconds) {
        return seconds.entrySet().stream().filter(e -> e.getValue() > 0.05)
                .map(e -> "%s %.1f".formatted(e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }
}
