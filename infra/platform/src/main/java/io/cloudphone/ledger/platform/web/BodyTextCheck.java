package io.cloudphone.ledger.platform.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every text of a request body, checked once it is bound and before any app code sees it: PostgreSQL refuses a
 * NUL in text (a 500 once it got there), a lone surrogate cannot be written as UTF-8 (it was stored as '?'), and
 * control characters have no business in a command. So, anywhere in a body:
 * <ul>
 *   <li>no C0 control character except tab, line feed and carriage return (free text may have lines);</li>
 *   <li>no C0 control at all in a map key (keys name things, like ids);</li>
 *   <li>no lone surrogate;</li>
 *   <li>no number that is not finite (1e400 read as a double is infinity).</li>
 * </ul>
 * Rules for particular fields (names without bidi overrides or zero-width characters, ...) are the apps' own.
 * The walk is bounded: a body nested deeper than {@value #DEPTH_MAX} or with more than {@value #NODES_MAX} values
 * is refused as well (the body limit keeps it far below either).
 */
public final class BodyTextCheck {

    static final int DEPTH_MAX = 32;
    static final int NODES_MAX = 10_000;

    private int nodes;

    private BodyTextCheck() {
    }

    /** @throws UnacceptableTextException naming the first field that breaks a rule, never echoing its value */
    public static void check(Object body) {
        new BodyTextCheck().visit(body, "", 0);
    }

    private void visit(Object value, String path, int depth) {
        if (value == null) {
            return;
        }
        if (++nodes > NODES_MAX) {
            throw new UnacceptableTextException("(body)", "has more than " + NODES_MAX + " values");
        }
        if (depth > DEPTH_MAX) {
            throw new UnacceptableTextException(path, "is nested deeper than " + DEPTH_MAX + " levels");
        }
        switch (value) {
            case CharSequence text -> checkText(text, path, false);
            case Double number when !Double.isFinite(number) -> throw new UnacceptableTextException(path, "is not a finite number");
            case Float number when !Float.isFinite(number) -> throw new UnacceptableTextException(path, "is not a finite number");
            case Map<?, ?> map -> visitMap(map, path, depth);
            case Collection<?> items -> {
                int index = 0;
                for (Object item : items) {
                    visit(item, path + "[" + index++ + "]", depth + 1);
                }
            }
            case Object[] items -> {
                for (int index = 0; index < items.length; index++) {
                    visit(items[index], path + "[" + index + "]", depth + 1);
                }
            }
            case Record record -> visitRecord(record, path, depth);
            default -> {
                // Numbers, booleans, UUIDs, instants, enums: nothing textual a client could smuggle in.
            }
        }
    }

    private void visitMap(Map<?, ?> map, String path, int depth) {
        int index = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() instanceof CharSequence key) {
                // The key is not echoed: it is what is wrong.
                checkText(key, join(path, "(key " + index + ")"), true);
                visit(entry.getValue(), join(path, key.toString()), depth + 1);
            } else {
                visit(entry.getValue(), join(path, "(key " + index + ")"), depth + 1);
            }
            index++;
        }
    }

    private void visitRecord(Record record, String path, int depth) {
        for (Component component : COMPONENTS.get(record.getClass())) {
            Object value;
            try {
                value = component.accessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.name() + " of a request body", e);
            }
            visit(value, join(path, component.name()), depth + 1);
        }
    }

    private record Component(String name, Method accessor) {
    }

    /**
     * Each body type's components, looked up once per class rather than per request. Bodies are the apps' own
     * records, often package-private: read them as Jackson wrote them.
     */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(component -> {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                return new Component(component.getName(), accessor);
            }).toList();
        }
    };

    private static void checkText(CharSequence text, String path, boolean isKey) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && (isKey || (c != '\t' && c != '\n' && c != '\r'))) {
                throw new UnacceptableTextException(path, "contains the control character U+%04X".formatted((int) c));
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                throw new UnacceptableTextException(path, "contains a lone surrogate U+%04X, which is no character".formatted((int) c));
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
