package io.cloudphone.ledger.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void withoutLimitOrCursorTheFirstPageOfTheDefaultSizeIsAsked() {
        PageRequest first = PageRequest.of(null, null, 1);

        assertThat(first.limit()).isEqualTo(PageRequest.LIMIT_DEFAULT);
        assertThat(first.after()).isEmpty();
        assertThat(first.rowsToRead()).isEqualTo(PageRequest.LIMIT_DEFAULT + 1);
    }

    @Test
    void aLimitOutsideOneToTheMaximumIsRefused() {
        for (int limit : new int[] {0, -1, PageRequest.LIMIT_MAX + 1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> PageRequest.of(limit, null, 1)).as("limit %d", limit)
                    .isInstanceOf(InvalidPageException.class);
        }
        assertThat(PageRequest.of(PageRequest.LIMIT_MAX, null, 1).limit()).isEqualTo(PageRequest.LIMIT_MAX);
    }

    @Test
    void theCursorOfAPageLeadsToTheRowsAfterItsLastItem() {
        PageRequest first = PageRequest.of(2, null, 2);
        Page<String> page = Page.of(List.of("a", "b", "c"), first, item -> List.of("2026-12-06T00:00:00Z", item));

        assertThat(page.items()).containsExactly("a", "b");
        PageRequest second = PageRequest.of(2, page.next(), 2);
        assertThat(second.after()).contains(List.of("2026-12-06T00:00:00Z", "b"));
        assertThat(second.after(1, String::valueOf)).contains("b");
    }

    @Test
    void theLastPageHasNoNext() {
        PageRequest request = PageRequest.of(3, null, 1);

        assertThat(Page.of(List.of("a", "b", "c"), request, item -> List.of(item)).next()).isNull();
        assertThat(Page.of(List.<String>of(), request, item -> List.of(item)).next()).isNull();
    }

    @Test
    void aCursorThisApiDidNotGiveIsRefused() {
        String twoParts = Page.continuing(List.of(), List.of("a", "b")).next();
        for (String forged : new String[] {"%%%", "not base64!", "x".repeat(Cursor.ENCODED_LENGTH_MAX + 1), twoParts}) {
            assertThatThrownBy(() -> PageRequest.of(10, forged, 1)).as(forged).isInstanceOf(InvalidPageException.class);
        }
    }

    @Test
    void aCursorPartThatDoesNotParseIsRefusedNotA500() {
        PageRequest request = PageRequest.of(10, Page.continuing(List.of(), List.of("not-a-number")).next(), 1);

        assertThatThrownBy(() -> request.after(0, Long::parseLong)).isInstanceOf(InvalidPageException.class);
        assertThat(PageRequest.of(10, null, 1).after(0, Long::parseLong)).isEqualTo(Optional.empty());
    }

    @Test
    void aKeyPartWithALineFeedCannotBeWrittenIntoACursor() {
        assertThatThrownBy(() -> Cursor.of(List.of("a\nb"))).isInstanceOf(IllegalArgumentException.class);
    }
}
