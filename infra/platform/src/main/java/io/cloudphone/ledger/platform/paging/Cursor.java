package io.cloudphone.ledger.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The {@code after} of a page: the sort key of the last item a client saw, opaque to the client (base64url) so that
 * no client builds one by hand and a collection may change its key without changing its API. Not secret and not
 * signed: a forged cursor only moves where a page starts, within what the caller may see anyway.
 */
public final class Cursor {

    /** A key is at most a few ids and a time; anything longer was not made here. */
    static final int ENCODED_LENGTH_MAX = 512;
    private static final String SEPARATOR = "\n";

    private Cursor() {
    }

    static String of(List<String> key) {
        for (String part : key) {
            if (part.contains(SEPARATOR)) {
                throw new IllegalArgumentException("a cursor key part cannot hold a line feed: " + part);
            }
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, key).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidPageException when {@code cursor} is not one this API gave, with {@code parts} parts */
    static List<String> read(String cursor, int parts) {
        if (cursor.length() > ENCODED_LENGTH_MAX) {
            throw new InvalidPageException("after is not a cursor of this collection");
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidPageException("after is not a cursor of this collection");
        }
        List<String> key = List.of(decoded.split(SEPARATOR, -1));
        if (key.size() != parts) {
            throw new InvalidPageException("after is not a cursor of this collection");
        }
        return key;
    }
}
