package io.cloudphone.ledger.api.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.cloudphone.ledger.api.fuzz.FuzzBodies.Body;
import io.cloudphone.ledger.api.fuzz.FuzzFixtures.Caller;
import io.cloudphone.ledger.api.fuzz.FuzzOperations.Operation;
import io.cloudphone.ledger.api.fuzz.FuzzOperations.Parameter;
import io.cloudphone.ledger.api.fuzz.FuzzRandom.Choice;
import java.net.URLEncoder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated requests for an operation: a caller (a token of each role, none, or a bad one), path and query values
 * (real ids mixed with junk), headers (Idempotency-Key fresh, missing, duplicated, reused, oversized, not ASCII ...),
 * and a body (see {@link FuzzBodies}).
 */
final class FuzzRequests {

    /** @param shown how a report prints the header: tokens by whose they are */
    record Header(String name, String value, String shown) {
    }

    /**
     * @param target     path and query, percent-encoded as sent (or not, where that is the point)
     * @param body       null: none
     * @param pathValues the value each path parameter was given, as sent
     */
    record FuzzRequest(Operation operation, String target, List<Header> headers, byte[] body, String label,
                       Map<String, String> pathValues) {

        String method() {
            return operation.method().toUpperCase();
        }
    }

    /**
     * The IT stack's limits on the request line and headers: command-api 16 KB (command-api.yml), the ledger Tomcat's
     * default 8 KB. Below the smaller one a header reaches the app; above the larger one the container refuses it.
     */
    static final int BELOW_HEADER_LIMIT = 4_000;
    static final int ABOVE_HEADER_LIMIT = 40_000;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** Path segments no id looks like, percent-encoded as a client would send them (and some as it should not). */
    private static final List<String> JUNK_SEGMENTS = List.of("%00", "a%00b", "%2F", "a%2Fb", "%5C", "..", "%2e%2e",
            "%20", "+", "%0D%0ASet-Cookie:%20a=b", "%ED%A0%80", "%FF", "%C0%AF", "%F0%9F%98%80", "%E2%80%AEadmin",
            "%E2%80%8B", "-1", "0", "9223372036854775808", "1e400", "null", "'%20OR%20'1'='1", "%3Cscript%3E", ";x=1",
            "*", "%25", "%", "%zz", "~", "%7B%7D", "%E4%B8%AD%E6%96%87", "\u00fc\u2713");
    private static final List<String> JUNK_QUERY_VALUES = List.of("", "-1", "0", "9223372036854775808",
            "-9223372036854775809", "1e400", "1.5", "abc", "%00", "%2B1000000000-01-01T00:00:00Z", "2024-13-45T99:99:99Z",
            "%ED%A0%80", "1".repeat(400), "true", "%5B%5D", "%E2%80%AE1", "NaN");
    private static final List<String> ACCEPTS = List.of("application/json", "application/problem+json", "*/*",
            "application/xml", "text/html", "text/plain", "garbage", "application/json;q=0");

    private final FuzzRandom random;
    private final FuzzFixtures fixtures;
    private final FuzzBodies bodies;
    /** One address per request for the log-in throttle, which counts per client (see {@link #forwardedFor()}). */
    private final AtomicInteger clients = new AtomicInteger();
    private String lastIdempotencyKey = UUID.randomUUID().toString();

    FuzzRequests(FuzzRandom random, FuzzFixtures fixtures) {
        this.random = random;
        this.fixtures = fixtures;
        this.bodies = new FuzzBodies(random, fixtures);
    }

    FuzzRequest next(Operation operation) {
        Caller caller = fixtures.caller(operation);
        Map<String, String> pathValues = pathValues(operation, caller);
        Body body = operation.bodySchema() != null ? bodies.next(operation) : random.chance(10) ? bodies.unexpected() : null;
        List<String> label = new ArrayList<>(List.of(caller.label()));
        List<Header> headers = new ArrayList<>();
        caller.authorizations().forEach(value -> headers.add(new Header("Authorization", value, fixtures.shown(value))));
        idempotencyKey(headers, label);
        contentType(body, headers, label);
        accept(headers, label);
        headers.add(forwardedFor());
        extraHeaders(headers, label);
        if (body != null) {
            label.add("body: " + body.label());
        }
        return new FuzzRequest(operation, path(operation, pathValues) + query(operation, label), headers,
                body == null ? null : body.bytes(), String.join("; ", label), pathValues);
    }

    // ---- path and query

    private Map<String, String> pathValues(Operation operation, Caller caller) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher parameters = PATH_PARAMETER.matcher(operation.path());
        while (parameters.find()) {
            List<String> real = fixtures.realIds(parameters.group(1), caller);
            values.put(parameters.group(1), !real.isEmpty() && random.chance(75) ? real.get(random.between(0, real.size() - 1))
                    : junkSegment());
        }
        return values;
    }

    private String junkSegment() {
        return random.weighted(List.<Choice<String>>of(
                new Choice<>(20, () -> random.pick(JUNK_SEGMENTS)),
                new Choice<>(3, () -> UUID.randomUUID().toString()),
                new Choice<>(2, () -> UUID.randomUUID().toString().toUpperCase()),
                new Choice<>(3, () -> URLEncoder.encode(random.anyText(random.between(1, 12)), UTF_8)),
                new Choice<>(2, () -> "a".repeat(BELOW_HEADER_LIMIT)),
                new Choice<>(1, () -> "a".repeat(ABOVE_HEADER_LIMIT)),
                new Choice<>(1, () -> "")));
    }

    private static String path(Operation operation, Map<String, String> values) {
        Matcher parameters = PATH_PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            parameters.appendReplacement(path, Matcher.quoteReplacement(values.get(parameters.group(1))));
        }
        parameters.appendTail(path);
        return path.toString();
    }

    /** The document's query parameters, each present half of the time, valid-looking or junk; now and then repeated or unknown ones. */
    private String query(Operation operation, List<String> label) {
        List<String> pairs = new ArrayList<>();
        for (Parameter parameter : operation.parameters("query")) {
            if (random.chance(50)) {
                String value = random.chance(50) ? validQueryValue(operation, parameter) : random.pick(JUNK_QUERY_VALUES);
                pairs.add(parameter.name() + "=" + value);
                if (random.chance(5)) {
                    pairs.add(parameter.name() + "=" + random.pick(JUNK_QUERY_VALUES));
                }
            }
        }
        if (random.chance(5)) {
            pairs.add(random.pick("unknown=1", "%00=1", "a[b]=c", "=", "&&"));
        }
        if (!pairs.isEmpty()) {
            label.add("query");
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private String validQueryValue(Operation operation, Parameter parameter) {
        var schema = operation.resolve(parameter.schema());
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asText() : schema.path("type").asText();
        return switch (type) {
            case "integer", "number" -> Integer.toString(random.between(1, 100));
            case "boolean" -> "true";
            default -> schema.path("format").asText().equals("date-time")
                    ? Instant.now().minus(random.between(0, 600), ChronoUnit.SECONDS).toString() : "x";
        };
    }

    // ---- headers

    /**
     * Fresh most of the time (so the request reaches the body's checks), and otherwise: none, two, empty, one already
     * used with another body, longer than the API allows, long but under the container's limit and over it, not ASCII,
     * with control characters.
     */
    private void idempotencyKey(List<Header> headers, List<String> label) {
        String fresh = UUID.randomUUID().toString();
        String reused = lastIdempotencyKey;
        lastIdempotencyKey = fresh;
        List<String> values = random.weighted(List.<Choice<List<String>>>of(
                new Choice<>(55, () -> List.of(fresh)),
                new Choice<>(10, List::of),
                new Choice<>(5, () -> List.of(fresh, UUID.randomUUID().toString())),
                new Choice<>(3, () -> List.of("")),
                new Choice<>(7, () -> List.of(reused)),
                new Choice<>(4, () -> List.of("k".repeat(129))),
                new Choice<>(3, () -> List.of("k".repeat(BELOW_HEADER_LIMIT))),
                new Choice<>(1, () -> List.of("k".repeat(ABOVE_HEADER_LIMIT))),
                new Choice<>(5, () -> List.of("cl\u00e9-\u2713-\u043a\u043b\u044e\u0447")),
                new Choice<>(3, () -> List.of(random.pick("a\u0000b", "a\u0001b", "a\tb", "a\u007fb"))),
                new Choice<>(2, () -> List.of(" spaced key "))));
        values.forEach(value -> headers.add(header("Idempotency-Key", value)));
        label.add("Idempotency-Key: " + (values.isEmpty() ? "none" : values.size() + " x " + values.getFirst().length()
                + " chars"));
    }

    private void contentType(Body body, List<Header> headers, List<String> label) {
        if (body == null) {
            return;
        }
        if (body.contentType() != null) {
            headers.add(header("Content-Type", body.contentType()));
        }
        if (random.chance(3)) {
            headers.add(header("Content-Type", random.pick("text/plain", FuzzBodies.JSON_TYPE)));
            label.add("two Content-Types");
        }
    }

    private void accept(List<Header> headers, List<String> label) {
        if (random.chance(20)) {
            String accept = random.pick(ACCEPTS);
            headers.add(header("Accept", accept));
            label.add("Accept: " + accept);
        }
    }

    /**
     * Every request comes from a client address of its own (RFC 2544's test range; X-Forwarded-For is believed from the
     * test's loopback address, see LoginLockoutIT): the log-in throttle counts failures per client, and thousands from
     * the loopback address itself would lock every test after this one out of logging in for 15 minutes.
     */
    private Header forwardedFor() {
        int n = clients.incrementAndGet();
        return header("X-Forwarded-For", "198.19." + (n / 250 % 250) + "." + (1 + n % 250));
    }

    /** Now and then: many headers, a long one under the container's limit and one over it, two lengths, two hosts. */
    private void extraHeaders(List<Header> headers, List<String> label) {
        Supplier<String> none = () -> null;
        String extra = random.weighted(List.of(
                new Choice<>(92, none),
                new Choice<>(2, () -> manyHeaders(headers)),
                new Choice<>(2, () -> add(headers, "X-Fuzz", "v".repeat(BELOW_HEADER_LIMIT), "a long header")),
                new Choice<>(1, () -> add(headers, "X-Fuzz", "v".repeat(ABOVE_HEADER_LIMIT), "a header over the limit")),
                new Choice<>(1, () -> twoContentLengths(headers)),
                new Choice<>(1, () -> add(headers, "Host", "evil.example", "a second Host")),
                new Choice<>(1, () -> add(headers, "X-Fuzz", "\u00fc\u2713 \u0000", "a header with NUL and UTF-8"))));
        if (extra != null) {
            label.add(extra);
        }
    }

    private static String manyHeaders(List<Header> headers) {
        for (int i = 0; i < 150; i++) {
            headers.add(header("X-Fuzz-" + i, "v" + i));
        }
        return "150 more headers";
    }

    /** Two different lengths: which one frames the body decides where the next request starts (request smuggling). */
    private static String twoContentLengths(List<Header> headers) {
        headers.add(header("Content-Length", "0"));
        headers.add(header("Content-Length", "5"));
        return "two Content-Lengths";
    }

    private static String add(List<Header> headers, String name, String value, String label) {
        headers.add(header(name, value));
        return label;
    }

    private static Header header(String name, String value) {
        return new Header(name, value, value.length() > 80 ? value.substring(0, 20) + "...(" + value.length() + " chars)"
                : value);
    }
}
