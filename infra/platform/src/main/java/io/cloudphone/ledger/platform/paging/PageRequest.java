package io.cloudphone.ledger.platform.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a client asked of a collection: {@code limit} items (1 to {@link #LIMIT_MAX}, {@value #LIMIT_DEFAULT} when
 * absent) after the item the {@code after} cursor names (from the start when absent).
 */
public record PageRequest(int limit, Optional<List<String>> after) {

    public static final int LIMIT_DEFAULT = 50;
    public static final int LIMIT_MAX = 200;

    /**
     * @param keyParts how many parts the collection's sort key has (a cursor of another collection is refused)
     * @throws InvalidPageException (422) for a limit out of range or a cursor this API did not give
     */
    public static PageRequest of(Integer limit, String after, int keyParts) {
        int checkedLimit = limit == null ? LIMIT_DEFAULT : limit;
        if (checkedLimit < 1 || checkedLimit > LIMIT_MAX) {
            throw new InvalidPageException("limit must be 1 to " + LIMIT_MAX);
        }
        if (after == null || after.isEmpty()) {
            return new PageRequest(checkedLimit, Optional.empty());
        }
        return new PageRequest(checkedLimit, Optional.of(Cursor.read(after, keyParts)));
    }

    /**
     * Part {@code index} of the cursor's key, parsed; a part that does not parse is a cursor this API did not give.
     */
    public <V> Optional<V> after(int index, Function<String, V> parse) {
        return after.map(key -> {
            try {
                return parse.apply(key.get(index));
            } catch (RuntimeException malformed) {
                throw new InvalidPageException("after is not a cursor of this collection");
            }
        });
    }

    /** One more than the limit: the extra row only says that a next page exists. */
    public int rowsToRead() {
        return limit + 1;
    }
}
