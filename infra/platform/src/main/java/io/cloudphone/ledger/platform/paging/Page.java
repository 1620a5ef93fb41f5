package io.cloudphone.ledger.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a collection, the one shape every list endpoint of every app answers: {@code items} in the
 * collection's order and {@code next}, the cursor to pass as {@code after} for the following page (null: this is the
 * last page).
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page of {@code rows}, which were read with {@link PageRequest#rowsToRead()} (one more than the limit, so that
     * whether a next page exists is known without a count).
     *
     * @param keyOf the sort key of a row, written into the cursor of the next page
     */
    public static <T> Page<T> of(List<T> rows, PageRequest request, Function<T, List<String>> keyOf) {
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, request.limit());
        return new Page<>(items, Cursor.of(keyOf.apply(items.getLast())));
    }

    /**
     * A page whose source pages by a key of its own (another app's API): {@code nextKey} is that key for the following
     * page, null when this is the last.
     */
    public static <T> Page<T> continuing(List<T> items, List<String> nextKey) {
        return new Page<>(items, nextKey == null ? null : Cursor.of(nextKey));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
