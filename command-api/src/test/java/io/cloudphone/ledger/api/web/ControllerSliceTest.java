package io.cloudphone.ledger.api.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import io.cloudphone.ledger.api.security.LinkedUsers;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.platform.security.PlatformSecurityAutoConfiguration;
import io.cloudphone.ledger.platform.security.TestKeys;
import io.cloudphone.ledger.platform.security.TokenIssuer;
import io.cloudphone.ledger.platform.security.TokenStanding;
import io.cloudphone.ledger.platform.web.PlatformWebAutoConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;

/**
 * What every controller slice test of command-api shares: the real security chain of the platform (so 401s,
 * 403s and the open endpoints are what production has) and its problem+json handling, a local issuer with
 * throw-away keys to sign the tests' tokens, and no database. A subclass names its controller with
 * {@code @WebMvcTest} and mocks what the controller calls.
 */
// @WebMvcTest leaves the security and platform auto-configurations out; the real chain is part of what is tested.
@ImportAutoConfiguration({SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, PlatformSecurityAutoConfiguration.class,
        PlatformWebAutoConfiguration.class})
public abstract class ControllerSliceTest {

    private static final Path KEYS = writeKeys();

    @Autowired
    protected MockMvc mvc;
    @Autowired
    private TokenIssuer tokens;
    /** Needed by command-api's security configuration when an external issuer is set; never here. */
    @MockitoBean
    private LinkedUsers linkedUsers;
    /** Every token stands here: revocation is proven against PostgreSQL (TokenRevocationIT). */
    @MockitoBean
    private TokenStanding tokenStanding;

    @DynamicPropertySource
    static void localIssuer(DynamicPropertyRegistry properties) {
        properties.add("cpl.security.jwt.private-key-location", () -> "file:" + KEYS.resolve("private.pem"));
        properties.add("cpl.security.jwt.public-key-location", () -> "file:" + KEYS.resolve("public.pem"));
        properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + KEYS.resolve("public.pem"));
        properties.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "cpl-api");
    }

    /** An Authorization header for a user with these permissions, signed by the local issuer. */
    protected String bearer(UUID userId, String... permissions) {
        return "Bearer " + tokens.forUser(userId, "user-" + userId, 1, List.of("USER"), List.of(permissions)).value();
    }

    /** Makes a mocked runner do each piece of work at once and once: there is no database in a slice test. */
    protected static void runsWorkAtOnce(TransactionRunner transactions) {
        when(transactions.inTransaction(anyString(), any())).thenAnswer(
                call -> call.<TransactionCallback<?>>getArgument(1).doInTransaction(new SimpleTransactionStatus()));
    }

    private static Path writeKeys() {
        try {
            Path dir = Files.createTempDirectory("command-api-keys");
            TestKeys.writePem(TestKeys.newKeyPair(), dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
