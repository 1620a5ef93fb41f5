package io.cloudphone.ledger.platform.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BodyTextCheckTest {

    record Event(String type, Map<String, Object> data) {
    }

    record Append(Long expectedVersion, List<Event> events) {
    }

    @Test
    void acceptsOrdinaryTextLinesTabsAndPairedSurrogates() {
        assertThatCode(() -> BodyTextCheck.check(new Append(3L, List.of(new Event("NoteAdded",
                Map.of("note", "two\nlines\tand an emoji \uD83D\uDE00", "id", UUID.randomUUID(), "n", 1.5))))))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesANulDeepInsideNamingItsPath() {
        Append body = new Append(3L, List.of(new Event("NoteAdded", Map.of("nested", Map.of("note", "a\u0000b")))));

        assertThatThrownBy(() -> BodyTextCheck.check(body)).isInstanceOf(UnacceptableTextException.class)
                .hasMessage("events[0].data.nested.note contains the control character U+0000");
    }

    @Test
    void refusesAnyControlCharacterInAKeyWithoutEchoingTheKey() {
        assertThatThrownBy(() -> BodyTextCheck.check(Map.of("a\nb", "value")))
                .hasMessage("(key 0) contains the control character U+000A");
    }

    @Test
    void refusesOtherControlCharactersInValues() {
        assertThatThrownBy(() -> BodyTextCheck.check(List.of("bell \u0007"))).hasMessageContaining("U+0007");
    }

    @Test
    void refusesLoneSurrogatesEitherHalf() {
        assertThatThrownBy(() -> BodyTextCheck.check(List.of("x\uD800"))).hasMessageContaining("lone surrogate U+D800");
        assertThatThrownBy(() -> BodyTextCheck.check(List.of("\uDC00x"))).hasMessageContaining("lone surrogate U+DC00");
    }

    @Test
    void refusesNumbersThatAreNotFinite() {
        assertThatThrownBy(() -> BodyTextCheck.check(Map.of("x", Double.POSITIVE_INFINITY)))
                .hasMessage("x is not a finite number");
    }

    @Test
    void boundsTheWalk() {
        Object deep = "leaf";
        for (int i = 0; i <= BodyTextCheck.DEPTH_MAX; i++) {
            deep = List.of(deep);
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> BodyTextCheck.check(tooDeep)).hasMessageContaining("nested deeper than 32");
        assertThatThrownBy(() -> BodyTextCheck.check(java.util.Collections.nCopies(BodyTextCheck.NODES_MAX, "x")))
                .hasMessageContaining("more than 10000 values");
    }
}
