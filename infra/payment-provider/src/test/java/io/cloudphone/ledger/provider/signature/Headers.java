package io.cloudphone.ledger.provider.signature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Signed headers as a receiver's server hands them over, and small edits of them. */
final class Headers {

    private Headers() {
    }

    static Map<String, List<String>> received(Map<String, String> signed) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put("Content-Type", List.of("application/json"));
        return headers;
    }

    static Map<String, List<String>> with(Map<String, String> signed, String name, String value) {
        Map<String, List<String>> headers = received(signed);
        headers.put(name, List.of(value));
        return headers;
    }

    static Map<String, List<String>> without(Map<String, String> signed, String name) {
        Map<String, List<String>> headers = received(signed);
        headers.remove(name);
        return headers;
    }

    static Map<String, List<String>> renamed(Map<String, String> signed, UnaryOperator<String> rename) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.forEach((name, value) -> headers.put(rename.apply(name), List.of(value)));
        return headers;
    }
}
