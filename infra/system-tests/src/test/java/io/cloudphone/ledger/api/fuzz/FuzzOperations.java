package io.cloudphone.ledger.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operations an app's OpenAPI document declares, as the fuzzer needs them: where to send, which parameters, and
 * the schema of the body. Read from the document the app serves, not from its code: an operation the document leaves
 * out is an operation no client learns about either.
 */
final class FuzzOperations {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    /** How many {@code $ref}s in a row are followed: more is a cycle in the document, not a deeper schema. */
    private static final int REFERENCE_HOPS_MAX = 32;

    private FuzzOperations() {
    }

    /** @param in path, query, header or cookie */
    record Parameter(String name, String in, JsonNode schema) {
    }

    /**
     * @param bodySchema null when the operation declares no request body
     * @param document   the whole document, whose components the schemas refer to
     */
    record Operation(String app, String baseUrl, String method, String path, List<Parameter> parameters,
                     JsonNode bodySchema, JsonNode document) {

        String name() {
            return app + " " + method.toUpperCase() + " " + path;
        }

        List<Parameter> parameters(String in) {
            return parameters.stream().filter(parameter -> parameter.in().equals(in)).toList();
        }

        /** The schema a {@code $ref} points at (a JSON pointer into this document), or the node itself. */
        JsonNode resolve(JsonNode node) {
            JsonNode current = node;
            for (int hop = 0; hop < REFERENCE_HOPS_MAX && current.has("$ref"); hop++) {
                current = document.at(current.get("$ref").asText().substring(1));
            }
            return current;
        }
    }

    static List<Operation> of(String app, String baseUrl, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(operation(app, baseUrl, path.getKey(), method, path.getValue(), document));
                }
            }
        }
        return operations;
    }

    private static Operation operation(String app, String baseUrl, String path, String method, JsonNode item,
                                       JsonNode document) {
        JsonNode declared = item.get(method);
        Operation unresolved = new Operation(app, baseUrl, method, path, List.of(), null, document);
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(item.path("parameters"), declared.path("parameters"))) {
            list.forEach(parameter -> parameters.add(parameter(unresolved.resolve(parameter))));
        }
        return new Operation(app, baseUrl, method, path, List.copyOf(parameters), bodySchema(unresolved, declared),
                document);
    }

    private static Parameter parameter(JsonNode parameter) {
        return new Parameter(parameter.path("name").asText(), parameter.path("in").asText(), parameter.path("schema"));
    }

    /** The JSON schema of the body; an empty one (anything) when the document names a body but no schema for it. */
    private static JsonNode bodySchema(Operation operation, JsonNode declared) {
        if (!declared.has("requestBody")) {
            return null;
        }
        JsonNode content = operation.resolve(declared.get("requestBody")).path("content");
        JsonNode media = content.has("application/json") ? content.get("application/json")
                : content.elements().hasNext() ? content.elements().next() : JsonNodeFactory.instance.objectNode();
        return media.has("schema") ? media.get("schema") : JsonNodeFactory.instance.objectNode();
    }
}
