package io.cloudphone.ledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds used by each process of the system during a scenario, from /proc/PID/stat (utime + stime,
 * children excluded). On a 2-core machine this is the first profile to read: it says which component the
 * cores went to.
 */
final class CpuSampler {

    /** USER_HZ: Linux reports these fields in clock ticks of 1/100 s. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids;
    private Map<String, Double> start = Map.of();

    CpuSampler(Map<String, Long> pids) {
        this.pids = Map.copyOf(pids);
    }

    /** The processes bin/stack recorded in a state dir, plus this JVM (the load generator). */
    static CpuSampler forStateDir(Path stateDir) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String component : new String[] {"postgres", "kafka", "connect", "registry", "ledger", "command-api"}) {
            Path pidFile = stateDir.resolve("pids").resolve(component + ".pid");
            try {
                if (Files.exists(pidFile)) {
                    pids.put(component, Long.parseLong(Files.readString(pidFile).trim()));
                }
            } catch (IOException | NumberFormatException unreadable) {
                // Not running: nothing to sample.
            }
        }
        pids.put("bench-client", ProcessHandle.current().pid());
        return new CpuSampler(pids);
    }

    void begin() {
        start = sample();
    }

    /** CPU seconds per component since {@link #begin()}; PostgreSQL counts all its backends. */
    Map<String, Double> end() {
        Map<String, Double> now = sample();
        Map<String, Double> used = new LinkedHashMap<>();
        now.forEach((component, seconds) -> used.put(component, seconds - start.getOrDefault(component, 0.0)));
        return used;
    }

    private Map<String, Double> sample() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((component, pid) -> seconds.put(component, component.equals("postgres")
                ? postgresSeconds(pid) : cpuSeconds(pid)));
        return seconds;
    }

    /** The postmaster and every backend it forked (they are its children, each its own process). */
    private static double postgresSeconds(long postmaster) {
        double total = cpuSeconds(postmaster);
        total += ProcessHandle.of(postmaster).map(p -> p.children().mapToDouble(child -> cpuSeconds(child.pid())).sum())
                .orElse(0.0);
        return total;
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name in parentheses; utime and stime are the 14th and 15th fields.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0.0;
        }
    }
}
