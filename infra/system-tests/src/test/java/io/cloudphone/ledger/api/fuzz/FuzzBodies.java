package io.cloudphone.ledger.api.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudphone.ledger.api.fuzz.FuzzOperations.Operation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Request bodies for an operation: one valid by the operation's schema (with the values the API needs, see
 * {@link FuzzFixtures#hint}), and that body broken in each way a client can break one: wrong types, numbers no long
 * holds, text with NUL, lone surrogates and invisible formatting, duplicate, missing and extra keys, deep nesting,
 * random JSON, bytes that are no UTF-8, no body at all, another media type.
 */
final class FuzzBodies {

    /**
     * @param contentType null: the request has no Content-Type header
     * @param label       what was done to the body, for the report
     */
    record Body(byte[] bytes, String contentType, String label) {
    }

    private enum Shape {
        VALID, WRONG_TYPE, EXTREME_NUMBER, NASTY_TEXT, NASTY_KEY, DUPLICATE_KEY, MISSING_FIELD, EXTRA_FIELD,
        DEEP_NESTING, RANDOM_JSON, RANDOM_BYTES, INVALID_UTF8, EMPTY, TRUNCATED, TRAILING_DATA, NOT_AN_OBJECT,
        LARGE, WRONG_MEDIA_TYPE, OTHER_ENCODING
    }

    static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for the spot where raw bytes go that no JSON writer would produce. */
    private static final String SLOT = "@@fuzz-slot-7d1c@@";
    private static final int SCHEMA_DEPTH_MAX = 6;

    private static final List<String> WRONG_TYPES = List.of("\"text\"", "\"100\"", "123", "true", "null", "[]", "{}",
            "[1,\"a\",null]", "{\"a\":{\"b\":1}}");
    /** Beyond a double, beyond a long, fractions, exponents, signs, and what JSON does not allow at all. */
    private static final List<String> EXTREME_NUMBERS = List.of("1e400", "-1e400", "1e-400", "9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "9223372036854775807", "-9223372036854775808", "-0", "0",
            "-1", "1.5", "1E2", "0.1e1", "1.0", "123456789012345678901234567890.5", "1" + "0".repeat(1200), "NaN",
            "Infinity", "-Infinity", "+1", "01", "0x10", ".5", "1_000");
    /** JSON string literals, escapes as a client sends them: NUL, lone surrogates, bidi overrides, zero-width ... */
    private static final List<String> NASTY_TEXTS = List.of("\"a\\u0000b\"", "\"\\u0000\"", "\"\\ud800\"",
            "\"\\udfff\"", "\"x\\ud800y\"", "\"\\udc00\\ud800\"", "\"\\u202eadmin\"", "\"a\\u200bb\"", "\"\\u200d\"",
            "\"\\ufeff\"", "\"\\uffff\"", "\"\\u0007\"", "\"\\u001b[31m\"", "\"\\t\\n\\r\"", "\"\\u0085\"",
            "\"\\u2028\"", "\"😀👍🏽\"", "\"e\u0301\"", "\"عربي\"", "\"CNY\\u0000\"", "\"\"", "\" \"", "\"\\\\\"",
            "\"' OR '1'='1\"", "\"<script>alert(1)</script>\"", "\"${jndi:ldap://127.0.0.1/a}\"", "\"../../etc/passwd\"",
            "\"%00\"", "\"" + "x".repeat(5_000) + "\"", "\"\\u00e9\\u0301\\u0327\"");
    private static final List<String> NASTY_KEYS = List.of("\"k\\u0000\"", "\"\\ud800\"", "\"\"", "\"\\u202e\"",
            "\"" + "k".repeat(2_000) + "\"", "\"__proto__\"", "\"@class\"", "\"a\\u001fb\"");
    /** Byte sequences that are no UTF-8: a bad continuation, bytes never used, an encoded surrogate, overlong, raw controls. */
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xff},
            new byte[] {(byte) 0xfe}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {0x00}, new byte[] {0x01});
    /** Up to and well past Jackson's nesting limit (1000); bounded so a body stays a few KiB. */
    private static final List<Integer> DEPTHS = List.of(10, 200, 999, 1_001, 3_000);
    private static final List<String> OTHER_MEDIA_TYPES = Arrays.asList(null, "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=UTF-16",
            "application/json;charset=nonexistent", "application/*", "*/*", "application/json, text/plain", "",
            "application/problem+json", "application/merge-patch+json", "text/json", "garbage", "application/json;;;");

    private final FuzzRandom random;
    private final FuzzFixtures fixtures;

    FuzzBodies(FuzzRandom random, FuzzFixtures fixtures) {
        this.random = random;
        this.fixtures = fixtures;
    }

    /** A body for an operation that declares one: valid a quarter of the time, broken in some way otherwise. */
    Body next(Operation operation) {
        JsonNode valid = valid(operation, operation.bodySchema(), "", 0);
        Shape shape = random.chance(25) ? Shape.VALID : random.pick(Arrays.copyOfRange(Shape.values(), 1, Shape.values().length));
        return mutated(shape, valid.deepCopy());
    }

    /** A body for an operation that declares none: whatever a confused client might send. */
    Body unexpected() {
        return random.chance(50) ? json(write(randomJson(3)), "random JSON where none belongs")
                : new Body(random.bytes(random.between(1, 64)), JSON_TYPE, "random bytes where no body belongs");
    }

    private Body mutated(Shape shape, JsonNode body) {
        return switch (shape) {
            case VALID -> json(write(body), "valid");
            case WRONG_TYPE -> replaced(body, random.pick(WRONG_TYPES), "wrong type");
            case EXTREME_NUMBER -> replaced(body, random.pick(EXTREME_NUMBERS), "extreme number");
            case NASTY_TEXT -> replaced(body, random.pick(NASTY_TEXTS), "nasty text");
            case NASTY_KEY -> keyed(body, random.pick(NASTY_KEYS));
            case DUPLICATE_KEY -> duplicated(body);
            case MISSING_FIELD -> missing(body);
            case EXTRA_FIELD -> extra(body);
            case DEEP_NESTING -> nested(body, random.pick(DEPTHS));
            case RANDOM_JSON -> random.chance(50) ? json(write(randomJson(4)), "random JSON")
                    : replaced(body, new String(write(randomJson(3)), UTF_8), "random JSON");
            case RANDOM_BYTES -> json(random.bytes(random.between(1, 256)), "random bytes");
            case INVALID_UTF8 -> invalidUtf8(body);
            case EMPTY -> json(random.pick("", "   ", "\n", "null").getBytes(UTF_8), "empty");
            case TRUNCATED -> truncated(body);
            case TRAILING_DATA -> json(concat(write(body), random.pick(" x", "{}", "]", "\u0000", ",", ";", " //c")
                    .getBytes(UTF_8)), "data after the document");
            case NOT_AN_OBJECT -> json(random.pick("[]", "[" + text(body) + "]", "\"text\"", "42", "true")
                    .getBytes(UTF_8), "not an object");
            case LARGE -> large(body);
            case WRONG_MEDIA_TYPE -> wrongMediaType(body);
            case OTHER_ENCODING -> otherEncoding(body);
        };
    }

    // ---- the valid body, from the schema

    private JsonNode valid(Operation operation, JsonNode schema, String property, int depth) {
        Optional<JsonNode> hinted = fixtures.hint(property);
        if (hinted.isPresent()) {
            return hinted.get();
        }
        JsonNode resolved = operation.resolve(schema);
        if (resolved.has("enum") && !resolved.get("enum").isEmpty()) {
            return random.pick(elements(resolved.get("enum")));
        }
        if (resolved.has("const")) {
            return resolved.get("const");
        }
        JsonNode alternative = alternative(resolved);
        if (alternative != null) {
            return valid(operation, alternative, property, depth);
        }
        return byType(operation, resolved, depth);
    }

    private JsonNode byType(Operation operation, JsonNode schema, int depth) {
        return switch (type(schema)) {
            case "object" -> object(operation, schema, depth);
            case "array" -> depth > SCHEMA_DEPTH_MAX ? NODES.arrayNode()
                    : NODES.arrayNode().add(valid(operation, schema.path("items"), "", depth + 1));
            case "integer", "number" -> NODES.numberNode(random.between(1, 100));
            case "boolean" -> NODES.booleanNode(random.chance(50));
            case "null" -> NODES.nullNode();
            default -> NODES.textNode(text(schema.path("format").asText()));
        };
    }

    private ObjectNode object(Operation operation, JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth > SCHEMA_DEPTH_MAX) {
            return object;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            object.set(property.getKey(), valid(operation, property.getValue(), property.getKey(), depth + 1));
        }
        if (schema.path("properties").isEmpty() && schema.path("additionalProperties").isObject()) {
            object.set("k" + random.alphanumeric(3), valid(operation, schema.get("additionalProperties"), "", depth + 1));
        }
        return object;
    }

    /** The first schema of a oneOf, anyOf or allOf that is not just "null"; null when there is none. */
    private static JsonNode alternative(JsonNode schema) {
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            for (JsonNode candidate : schema.path(combinator)) {
                if (!"null".equals(candidate.path("type").asText())) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** OpenAPI 3.1 may list several types (["string", "null"]): the first that is not "null". */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") || schema.has("additionalProperties") ? "object"
                : schema.has("items") ? "array" : "object";
    }

    private String text(String format) {
        return switch (format) {
            case "date-time" -> Instant.now().plus(random.between(5, 120), ChronoUnit.MINUTES).toString();
            case "date" -> LocalDate.now().toString();
            case "uuid" -> UUID.randomUUID().toString();
            case "email" -> fixtures.unique("fz-") + "@example.com";
            case "uri" -> "https://example.com/" + random.alphanumeric(6);
            default -> "fz-" + random.alphanumeric(8);
        };
    }

    // ---- mutations

    /** One field's value (somewhere in the body) replaced by a raw JSON token, or the whole body when it has none. */
    private Body replaced(JsonNode body, String rawToken, String what) {
        Field field = anyField(body);
        if (field == null) {
            return json(rawToken.getBytes(UTF_8), what + ": whole body");
        }
        field.parent().put(field.name(), SLOT);
        return json(spliced(body, rawToken.getBytes(UTF_8)), what + " in " + field.name());
    }

    private Body keyed(JsonNode body, String rawKey) {
        ObjectNode parent = body.isObject() ? (ObjectNode) body : NODES.objectNode();
        parent.put(SLOT, 1);
        return json(spliced(parent, rawKey.getBytes(UTF_8)), "nasty key");
    }

    /** The same key twice, with two different values: which one wins must not be left to chance. */
    private Body duplicated(JsonNode body) {
        Field field = anyField(body);
        if (field == null) {
            return json("{\"a\":1,\"a\":2}".getBytes(UTF_8), "duplicate key");
        }
        String first = text(field.parent().get(field.name()));
        field.parent().put(field.name(), SLOT);
        String second = random.pick("1", "\"other\"", "null", first);
        byte[] both = (first + ",\"" + field.name() + "\":" + second).getBytes(UTF_8);
        return json(spliced(body, both), "duplicate key " + field.name());
    }

    private Body missing(JsonNode body) {
        if (random.chance(25) || !body.isObject()) {
            return json("{}".getBytes(UTF_8), "every field missing");
        }
        Field field = anyField(body);
        if (field != null) {
            field.parent().remove(field.name());
        }
        return json(write(body), "missing " + (field == null ? "nothing" : field.name()));
    }

    private Body extra(JsonNode body) {
        ObjectNode parent = body.isObject() ? (ObjectNode) body : NODES.objectNode();
        String name = random.pick("unexpected", "@class", "__proto__", "constructor", "userId", "ownerId", "roles",
                "status", "version", "id");
        parent.set(name, random.chance(50) ? NODES.textNode("java.lang.Runtime") : randomJson(2));
        return json(write(parent), "extra field " + name);
    }

    private Body nested(JsonNode body, int depth) {
        String nesting = random.chance(50) ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        return replaced(body, nesting, "nested " + depth + " deep");
    }

    private Body invalidUtf8(JsonNode body) {
        byte[] sequence = random.pick(INVALID_UTF8);
        byte[] quoted = concat(concat("\"a".getBytes(UTF_8), sequence), "b\"".getBytes(UTF_8));
        Field field = anyField(body);
        if (field == null) {
            return json(quoted, "invalid UTF-8: whole body");
        }
        field.parent().put(field.name(), SLOT);
        return json(spliced(body, quoted), "invalid UTF-8 " + hex(sequence) + " in " + field.name());
    }

    private Body truncated(JsonNode body) {
        byte[] whole = write(body);
        return json(Arrays.copyOf(whole, whole.length <= 1 ? 0 : random.between(1, whole.length - 1)), "truncated");
    }

    /** Just under the app's 64 KiB body limit (the app's own checks answer) and over it (413). */
    private Body large(JsonNode body) {
        int length = random.pick(60_000, 70_000);
        return replaced(body, "\"" + "x".repeat(length) + "\"", length + " characters");
    }

    private Body wrongMediaType(JsonNode body) {
        String type = random.pick(OTHER_MEDIA_TYPES);
        return new Body(write(body), type, "valid body as " + (type == null ? "no Content-Type" : "'" + type + "'"));
    }

    private Body otherEncoding(JsonNode body) {
        String text = text(body);
        return random.pick(
                new Body(text.getBytes(StandardCharsets.UTF_16), "application/json; charset=UTF-16", "UTF-16 with BOM"),
                new Body(text.getBytes(StandardCharsets.UTF_16LE), JSON_TYPE, "UTF-16LE without a charset"),
                new Body(concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, write(body)), JSON_TYPE, "UTF-8 BOM"),
                new Body(text.getBytes(StandardCharsets.ISO_8859_1), "application/json; charset=ISO-8859-1", "Latin-1"));
    }

    /** Any JSON value: nulls, booleans, longs, doubles, text of every kind, arrays and objects of those. */
    private JsonNode randomJson(int depth) {
        int kind = random.between(0, depth > 0 ? 6 : 4);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.chance(50));
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode((random.nextDouble() - 0.5) * Math.pow(10, random.between(-20, 300)));
            case 4 -> NODES.textNode(random.anyText(random.between(0, 20)));
            case 5 -> randomArray(depth);
            default -> randomObject(depth);
        };
    }

    private ArrayNode randomArray(int depth) {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.between(0, 4); i > 0; i--) {
            array.add(randomJson(depth - 1));
        }
        return array;
    }

    private ObjectNode randomObject(int depth) {
        ObjectNode object = NODES.objectNode();
        for (int i = random.between(0, 4); i > 0; i--) {
            object.set(random.chance(50) ? random.alphanumeric(5) : random.anyText(5), randomJson(depth - 1));
        }
        return object;
    }

    // ---- plumbing

    private record Field(ObjectNode parent, String name) {
    }

    /** Any field of any object in the body, nested ones included; null when the body has none. */
    private Field anyField(JsonNode body) {
        List<Field> fields = new ArrayList<>();
        collect(body, fields);
        return fields.isEmpty() ? null : random.pick(fields);
    }

    private static void collect(JsonNode node, List<Field> fields) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> fields.add(new Field(object, name)));
        }
        node.elements().forEachRemaining(child -> collect(child, fields));
    }

    /** The body written, with the slot (a value or a key) replaced by the raw bytes. */
    private static byte[] spliced(JsonNode body, byte[] raw) {
        byte[] written = write(body);
        byte[] slot = ("\"" + SLOT + "\"").getBytes(UTF_8);
        int at = indexOf(written, slot);
        return concat(concat(Arrays.copyOfRange(written, 0, at), raw),
                Arrays.copyOfRange(written, at + slot.length, written.length));
    }

    private static Body json(byte[] bytes, String label) {
        return new Body(bytes, JSON_TYPE, label);
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node) {
        return new String(write(node), UTF_8);
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no slot in the written body");
    }

    static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream both = new ByteArrayOutputStream(first.length + second.length);
        both.writeBytes(first);
        both.writeBytes(second);
        return both.toByteArray();
    }

    static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X", b & 0xff));
        }
        return hex.toString();
    }
}
