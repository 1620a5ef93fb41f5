package io.cloudphone.ledger.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudphone.ledger.api.fuzz.FuzzHttp.Answer;
import io.cloudphone.ledger.api.fuzz.FuzzRequests.FuzzRequest;
import io.cloudphone.ledger.api.fuzz.FuzzRequests.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every answer must be, the findings where one is not, and the count of answers per operation: no 5xx (but a
 * 503 that says when to retry), every error problem+json with its status and a title, no Java internals in any
 * body, and nothing written by a request that was refused.
 */
final class FuzzVerdicts {

    /**
     * @param request how to send it again: method, target, headers, body
     * @param answer  status, Content-Type and the start of the body
     */
    record Finding(String kind, String operation, int status, String request, String answer) {
        @Override
        public String toString() {
            return "[" + kind + "] " + operation + " -> " + (status < 0 ? "no answer" : status) + "\n    request: "
                    + request + "\n    answer:  " + answer;
        }
    }

    /** Words that only a stack trace, an exception message or a server banner puts in a body. */
    private static final List<String> INTERNALS = List.of("Exception", "at io.", "at java.", "at org.", "java.lang.",
            "org.springframework", "org.apache", "com.fasterxml", "jakarta.", "SQLState", "PSQLException", "<html");
    private static final String CONTAINER = "tomcat";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 300;
    private static final int HEADERS_SHOWN = 10;

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    void judge(FuzzRequest request, Answer answer) {
        count(request, answer.status());
        if (answer.status() < 0) {
            add("no HTTP answer", request, answer);
            return;
        }
        if (answer.status() >= 500 && !retryLater(answer)) {
            add("server error", request, answer);
        }
        if (answer.status() >= 400) {
            problemJson(request, answer);
        }
        internals(request, answer);
    }

    /** A request that was refused (or not answered) and still changed rows of these tables. */
    void changedWhenRefused(FuzzRequest request, Answer answer, List<String> tables) {
        add("refused but wrote to " + String.join(", ", tables), request, answer);
    }

    List<Finding> findings() {
        return findings;
    }

    int requests() {
        return counts.values().stream().mapToInt(count -> count[0]).sum();
    }

    /** A 503 is a dependency not ready (the ledger rebalancing, say): fine if it says when to retry, as problem+json. */
    private static boolean retryLater(Answer answer) {
        return answer.status() == 503 && answer.header("Retry-After").isPresent()
                && answer.header("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private void problemJson(FuzzRequest request, Answer answer) {
        String contentType = answer.header("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            add("error without problem+json", request, answer);
            return;
        }
        if (request.method().equals("HEAD")) {
            return; // the answer to a HEAD has headers only (RFC 9110, 9.3.2): no body to hold to its status
        }
        JsonNode problem = parsed(answer);
        if (problem == null || !problem.isObject()) {
            add("problem+json that is no JSON object", request, answer);
        } else if (problem.path("status").asInt() != answer.status() || problem.path("title").asText().isBlank()) {
            add("problem without its status or a title", request, answer);
        }
    }

    private void internals(FuzzRequest request, Answer answer) {
        String body = answer.text();
        boolean leaks = INTERNALS.stream().anyMatch(body::contains) || body.toLowerCase(Locale.ROOT).contains(CONTAINER);
        if (leaks) {
            add("internals in the body", request, answer);
        }
    }

    private static JsonNode parsed(Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException notJson) {
            return null;
        }
    }

    private void count(FuzzRequest request, int status) {
        // sent, no answer, 1xx ... 5xx
        int[] count = counts.computeIfAbsent(request.operation().name(), name -> new int[7]);
        count[0]++;
        count[status < 0 ? 1 : Math.min(status / 100, 5) + 1]++;
    }

    private void add(String kind, FuzzRequest request, Answer answer) {
        findings.add(new Finding(kind, request.operation().name(), answer.status(), reproduction(request),
                answer.status() < 0 ? answer.failure() : answer.header("Content-Type").orElse("no Content-Type") + " "
                        + excerpt(answer.text(), EXCERPT)));
    }

    /** Method, target, headers (tokens by role) and body, with what is not printable ASCII escaped. */
    static String reproduction(FuzzRequest request) {
        String headers = request.headers().stream().limit(HEADERS_SHOWN)
                .map(header -> header.name() + ": " + printable(header.shown())).collect(Collectors.joining(" | "))
                + (request.headers().size() > HEADERS_SHOWN ? " | ...(" + request.headers().size() + " headers)" : "");
        // Bytes as Latin-1: each byte one character, so the escapes below are the bytes sent.
        String body = request.body() == null ? "none" : request.body().length + " bytes: "
                + excerpt(new String(request.body(), StandardCharsets.ISO_8859_1), 400);
        return request.method() + " " + excerpt(request.target(), 300) + "\n    headers: " + headers + "\n    body: "
                + body + "\n    (" + request.label() + ")";
    }

    private static String excerpt(String text, int length) {
        String printable = printable(text);
        return printable.length() <= length ? printable : printable.substring(0, length) + "...(" + text.length() + ")";
    }

    /** Printable ASCII as is; everything else as \\xNN (bytes read as Latin-1) or \\uNNNN. */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.chars().forEach(c -> shown.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : c <= 0xff ? String.format("\\x%02X", c) : String.format("\\u%04X", c)));
        return shown.toString();
    }

    /** Requests per operation, by class of status, and the total. */
    String table(Duration took, long seed, int perOperation) {
        StringBuilder table = new StringBuilder(String.format("%nOpenApiFuzzIT: seed %d, %d requests per operation, "
                + "%d requests in %ds%n%-72s %6s %6s %5s %5s %5s %5s %5s%n", seed, perOperation, requests(),
                took.toSeconds(), "operation", "sent", "none", "1xx", "2xx", "3xx", "4xx", "5xx"));
        int[] total = new int[7];
        counts.forEach((operation, count) -> {
            table.append(row(operation, count));
            for (int i = 0; i < total.length; i++) {
                total[i] += count[i];
            }
        });
        return table.append(row("total", total)).toString();
    }

    private static String row(String name, int[] count) {
        return String.format("%-72s %6d %6d %5d %5d %5d %5d %5d%n", name, count[0], count[1], count[2], count[3],
                count[4], count[5], count[6]);
    }

    /** Each kind of finding per operation and status once, with how often it came and its first reproduction. */
    String summary() {
        Map<String, List<Finding>> grouped = findings.stream().collect(Collectors.groupingBy(
                finding -> finding.kind() + " | " + finding.operation() + " | " + finding.status(), LinkedHashMap::new,
                Collectors.toList()));
        StringBuilder summary = new StringBuilder(findings.size() + " findings, " + grouped.size() + " distinct:\n");
        grouped.forEach((key, group) -> summary.append(group.size()).append(" x ").append(group.getFirst()).append('\n'));
        return summary.toString();
    }
}
