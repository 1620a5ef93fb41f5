package io.cloudphone.ledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudphone.ledger.launcher.core.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An app's health as the launcher reads it: the status of its {@code /actuator/health} (UP, DOWN, OUT_OF_SERVICE;
 * UNREACHABLE when it does not answer), and, for each component that is DOWN, its name, state and error (a stream
 * app whose streams died or stalled says why).
 */
public record AppHealth(String status, List<String> reasons) {

    public static final String UNREACHABLE = "UNREACHABLE";

    public AppHealth {
        reasons = List.copyOf(reasons);
    }

    public static AppHealth read(String healthUrl) {
        Http.Answer answer = Http.get(healthUrl);
        return answer.status() == 0 ? new AppHealth(UNREACHABLE, List.of()) : of(answer.json());
    }

    static AppHealth of(JsonNode health) {
        String status = health.path("status").asText(UNREACHABLE);
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<String, JsonNode> component : health.path("components").properties()) {
            JsonNode value = component.getValue();
            if ("DOWN".equals(value.path("status").asText())) {
                String reason = (component.getKey() + " " + value.path("details").path("state").asText("") + " "
                        + value.path("details").path("error").asText("")).strip().replaceAll(" +", " ");
                reasons.add(reason);
            }
        }
        return new AppHealth(status, reasons);
    }

    public boolean isDown() {
        return "DOWN".equals(status);
    }

    /** The status, then the reasons: one line. */
    public String describe() {
        return reasons.isEmpty() ? status : status + ": " + String.join("; ", reasons);
    }
}
