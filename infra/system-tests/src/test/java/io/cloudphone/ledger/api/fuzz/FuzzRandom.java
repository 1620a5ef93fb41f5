package io.cloudphone.ledger.api.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Every choice the fuzzer makes, from one seeded {@link Random}: the same seed against the same system sends the same
 * requests (the ids the system hands out aside), so a finding can be sent again.
 */
final class FuzzRandom {

    /** One possible outcome and how often it comes up relative to the others of its list. */
    record Choice<T>(int weight, Supplier<T> value) {
    }

    /** Text of every kind a client can type or paste: letters, controls, invisible formatting, other scripts, emoji. */
    private static final int[][] CODE_POINT_RANGES = {
            {0x20, 0x7e}, {0x00, 0x1f}, {0x7f, 0x9f}, {0xa0, 0xff}, {0x200b, 0x200f}, {0x202a, 0x202e},
            {0x2066, 0x2069}, {0x4e00, 0x4e40}, {0x0600, 0x0640}, {0x1f600, 0x1f640}, {0xfff0, 0xffff}};

    private final Random random;

    FuzzRandom(long seed) {
        this.random = new Random(seed);
    }

    /** True in {@code percent} of the calls. */
    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** From {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    long nextLong() {
        return random.nextLong();
    }

    double nextDouble() {
        return random.nextDouble();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    <T> T weighted(List<Choice<T>> choices) {
        int total = choices.stream().mapToInt(Choice::weight).sum();
        int roll = random.nextInt(total);
        for (Choice<T> choice : choices) {
            roll -= choice.weight();
            if (roll < 0) {
                return choice.value().get();
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    <T> List<T> shuffled(List<T> values) {
        List<T> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy;
    }

    /** Letters and digits only: for names the API must accept, so that the check under test is reached. */
    String alphanumeric(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return text.toString();
    }

    /** Any text a JSON string can carry (no lone surrogates: those are sent as escapes, see FuzzBodies). */
    String anyText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int[] range = CODE_POINT_RANGES[random.nextInt(CODE_POINT_RANGES.length)];
            text.appendCodePoint(between(range[0], range[1]));
        }
        return text.toString();
    }

    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
