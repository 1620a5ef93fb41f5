package io.cloudphone.ledger.launcher.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start a component's process.
 *
 * @param command     the command line (the marker must be part of it, see {@link #marker})
 * @param workingDir  where it runs
 * @param environment added to the launcher's CPL_* settings
 * @param marker      a string only this state dir's instance of the component has in its command line: a PID whose
 *                    command line lacks it is not ours (the process ended and the PID was reused), never signalled
 */
public record ProcessSpec(List<String> command, Path workingDir, Map<String, String> environment, String marker) {

    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        if (!String.join(" ", command).contains(marker)) {
            throw new IllegalArgumentException("the command line must carry its marker " + marker + ": " + command);
        }
    }
}
