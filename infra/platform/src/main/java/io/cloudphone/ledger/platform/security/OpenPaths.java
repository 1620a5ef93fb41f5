package io.cloudphone.ledger.platform.security;

import java.util.List;

/**
 * Paths that any caller may read (GET) without a token, declared as a bean by the part of the platform or app that
 * serves them (the problem catalogue), so that the security chain needs to know nothing about them.
 */
public record OpenPaths(List<String> patterns) {

    public OpenPaths {
        patterns = List.copyOf(patterns);
    }
}
