package io.cloudphone.ledger.platform;

import io.cloudphone.ledger.platform.security.EndpointAccess;
import io.cloudphone.ledger.platform.security.Permissions;
import io.cloudphone.ledger.platform.security.ServiceToken;
import io.cloudphone.ledger.platform.security.TestKeys;
import io.cloudphone.ledger.platform.security.TokenIssuer;
import io.cloudphone.ledger.platform.security.TokenRefusedException;
import io.cloudphone.ledger.platform.security.TokenStanding;
import io.cloudphone.ledger.platform.web.CommonProblem;
import io.cloudphone.ledger.platform.web.PlatformProblemHandler;
import io.cloudphone.ledger.platform.web.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/**
 * The platform as an app meets it: a Spring Boot app with nothing but its own endpoints, rules and problem
 * handler gets bearer-token security with the local key, problem+json for 401/403/413/500, the body limit and a
 * token issuer when it has the private key.
 */
@SpringBootTest(classes = PlatformAutoConfigurationTest.App.class, properties = {
        "spring.application.name=test-app",
        "cpl.http.request-body-bytes-max=100"})
@AutoConfigureMockMvc
class PlatformAutoConfigurationTest {

    private static final Path KEYS = keys();
    /** How often the test app's /amounts controller ran: a refused request must leave it unchanged. */
    static final AtomicInteger AMOUNTS_TAKEN = new AtomicInteger();

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TokenIssuer issuer;
    @Autowired
    private ServiceToken serviceToken;
    @Autowired
    private JwtDecoder decoder;

    @DynamicPropertySource
    static void localIssuer(DynamicPropertyRegistry properties) {
        properties.add("cpl.security.jwt.private-key-location", () -> "file:" + KEYS.resolve("private.pem"));
        properties.add("cpl.security.jwt.public-key-location", () -> "file:" + KEYS.resolve("public.pem"));
        properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + KEYS.resolve("public.pem"));
        properties.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "cpl-api");
    }

    @Test
    void aRequestWithoutTokenIsUnauthorizedAsProblemJson() throws Exception {
        mvc.perform(get("/reads"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unauthorized"));
    }

    @Test
    void aTokenWithThePermissionPassesTheAppsRule() throws Exception {
        mvc.perform(get("/reads").header("Authorization", bearer(Permissions.LEDGER_READ)))
                .andExpect(status().isOk());
    }

    @Test
    void aTokenWithoutThePermissionIsForbiddenAsProblemJson() throws Exception {
        mvc.perform(get("/reads").header("Authorization", bearer(Permissions.ACCOUNT_OWN)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorized() throws Exception {
        Path otherKeys = Files.createTempDirectory("other-keys");
        TestKeys.writePem(TestKeys.newKeyPair(), otherKeys);
        // Same issuer name, same claims, another key: the signature cannot verify.
        String forged = new TokenIssuer(new io.cloudphone.ledger.platform.security.JwtProperties(null, null, null, null,
                new org.springframework.core.io.FileSystemResource(otherKeys.resolve("private.pem")),
                new org.springframework.core.io.FileSystemResource(otherKeys.resolve("public.pem"))), "forger")
                .forUser(UUID.randomUUID(), "mallory", 1, List.of(), List.of(Permissions.LEDGER_READ)).value();

        mvc.perform(get("/reads").header("Authorization", "Bearer " + forged)).andExpect(status().isUnauthorized());
    }

    @Test
    void healthAndTheAppsOpenEndpointsNeedNoToken() throws Exception {
        mvc.perform(get("/open")).andExpect(status().isOk());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("\"" + "x".repeat(200) + "\"")
                        .header("Authorization", bearer(Permissions.LEDGER_READ)))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.title").value("Request body too large"));
    }

    @Test
    void aNulInAnyTextOfABodyIs422NamingTheFieldNotItsValue() throws Exception {
        mvc.perform(post("/amounts").contentType(MediaType.APPLICATION_JSON).content("{\"amount\":1,\"note\":\"a\\u0000b\"}")
                        .header("Authorization", bearer(Permissions.LEDGER_READ)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("note contains the control character U+0000"));
    }

    @Test
    void numbersAreReadStrictly() throws Exception {
        for (String body : new String[] {"{\"amount\":1,\"amount\":7}", "{\"amount\":\"100\"}", "{\"amount\":1e400}",
                "{\"amount\":1.5}", "{\"amount\":1} {}"}) {
            mvc.perform(post("/amounts").contentType(MediaType.APPLICATION_JSON).content(body)
                            .header("Authorization", bearer(Permissions.LEDGER_READ)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/amounts").contentType(MediaType.APPLICATION_JSON).content("{\"amount\":7}")
                        .header("Authorization", bearer(Permissions.LEDGER_READ)))
                .andExpect(status().isOk()).andExpect(content().string("7"));
    }

    @Test
    void anUnexpectedFailureIsA500WithoutInternals() throws Exception {
        mvc.perform(get("/boom").header("Authorization", bearer(Permissions.LEDGER_READ)))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("secret internals"))));
    }

    @Test
    void theAppsOwnProblemHandlerComesBeforeThePlatformsCatchAll() throws Exception {
        mvc.perform(get("/refused").header("Authorization", bearer(Permissions.LEDGER_READ)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-request"))
                .andExpect(jsonPath("$.detail").value("the app said no"));
    }

    @Test
    void everyProblemCarriesAStableCodeAndATypeThatLeadsToItsCatalogueEntry() throws Exception {
        String bearer = bearer(Permissions.LEDGER_READ);
        // The platform's own (401, 413), the framework's (unreadable JSON, wrong method) and a 500.
        mvc.perform(get("/reads")).andExpect(jsonPath("$.code").value("unauthorized"))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"));
        mvc.perform(post("/amounts").contentType(MediaType.APPLICATION_JSON).content("{\"amount\":").header("Authorization", bearer))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("malformed-request"))
                .andExpect(jsonPath("$.type").value("/problems/malformed-request"));
        mvc.perform(post("/reads").header("Authorization", bearer))
                .andExpect(status().isMethodNotAllowed()).andExpect(jsonPath("$.code").value("method-not-allowed"));
        mvc.perform(get("/boom").header("Authorization", bearer)).andExpect(jsonPath("$.code").value("internal-error"));

        mvc.perform(get("/problems/malformed-request"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Malformed request"));
    }

    @Test
    void theCatalogueListsEveryCommonProblemAndAnswersAnUnknownCodeWith404() throws Exception {
        String catalogue = mvc.perform(get("/problems")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (CommonProblem problem : CommonProblem.values()) {
            assertThat(catalogue).contains("\"code\":\"" + problem.code() + "\"");
        }
        mvc.perform(get("/problems/no-such-problem"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
    }

    @Test
    void aStatusWithoutAnEntryOfItsOwnIsAnsweredWithTheGenericCodeOfItsClass() {
        assertThat(CommonProblem.forStatus(431)).isEqualTo(CommonProblem.OTHER_CLIENT_ERROR);
        assertThat(CommonProblem.forStatus(505)).isEqualTo(CommonProblem.INTERNAL_ERROR);
        assertThat(CommonProblem.forStatus(503)).isEqualTo(CommonProblem.UNAVAILABLE);
        assertThat(CommonProblem.forStatus(404)).isEqualTo(CommonProblem.NOT_FOUND);
    }

    /** Issue 11, Deliver 8: the fuzz test found commands committed and then answered 406 (Accept: garbage). */
    @Test
    void anAcceptThatAdmitsNoJsonIs406BeforeTheControllerRuns() throws Exception {
        int before = AMOUNTS_TAKEN.get();
        for (String accept : new String[] {"application/xml", "garbage", "text/html", "application/json;q=0"}) {
            mvc.perform(post("/amounts").contentType(MediaType.APPLICATION_JSON).content("{\"amount\":7}")
                            .header("Accept", accept).header("Authorization", bearer(Permissions.LEDGER_READ)))
                    .andExpect(status().isNotAcceptable())
                    .andExpect(jsonPath("$.code").value("not-acceptable"));
        }
        assertThat(AMOUNTS_TAKEN.get()).as("the controller never ran").isEqualTo(before);
        mvc.perform(post("/amounts").contentType(MediaType.APPLICATION_JSON).content("{\"amount\":7}")
                        .header("Accept", "text/html, application/*;q=0.5").header("Authorization", bearer(Permissions.LEDGER_READ)))
                .andExpect(status().isOk());
    }

    /** The fuzz test found a 401 that went the container's way (another body) when Accept could not be read. */
    @Test
    void anUnreadableAcceptStillGetsTheSameProblemAsEveryoneElse() throws Exception {
        String usual = mvc.perform(get("/reads")).andReturn().getResponse().getContentAsString();

        mvc.perform(get("/reads").header("Accept", "garbage"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json(usual));
    }

    @Test
    void aWildcardOrUnreadableContentTypeIs415NotA500() throws Exception {
        for (String type : new String[] {"application/*", "*/*", "not a type"}) {
            mvc.perform(post("/amounts").header("Content-Type", type).content("{\"amount\":7}")
                            .header("Authorization", bearer(Permissions.LEDGER_READ)))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(jsonPath("$.code").value("unsupported-media-type"));
        }
    }

    @Test
    void aParameterGivenTwiceOrOfTheWrongTypeIs400NamingItWithoutTheFrameworksWords() throws Exception {
        for (String query : new String[] {"limit=x&limit=1", "limit=x", "limit=1.5"}) {
            mvc.perform(get("/pages?" + query).header("Authorization", bearer(Permissions.LEDGER_READ)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("malformed-request"))
                    .andExpect(jsonPath("$.detail").value("parameter limit must be one integer"));
        }
    }

    @Test
    void aHeaderValueTheFirewallRefusesIs400NotA500() throws Exception {
        // A C1 control character, as a header sent in UTF-8 and read as ISO-8859-1 holds.
        mvc.perform(get("/pages").header("Idempotency-Key", "cl\u00c3\u0089").header("Authorization",
                        bearer(Permissions.LEDGER_READ)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed-request"));
    }

    @Test
    void theServiceTokenNamesTheAppAndCarriesTheQueryPermissionsOnly() {
        String token = serviceToken.bearer().substring("Bearer ".length());

        var jwt = decoder.decode(token);
        assertThat(jwt.getSubject()).isEqualTo("service:test-app");
        assertThat(jwt.getClaimAsStringList(Permissions.CLAIM)).containsExactly(Permissions.LEDGER_READ,
                Permissions.PAYMENTS_READ);
        assertThat(decoder).as("verified tokens are remembered").isInstanceOf(
                io.cloudphone.ledger.platform.security.VerifiedTokenCache.CachingJwtDecoder.class);
    }

    @Test
    void aUserTokenWhoseStandingIsRefusedIsUnauthorizedWithTheReason() throws Exception {
        UUID revoked = UUID.randomUUID();
        REVOKED_USERS.add(revoked.toString());
        String token = issuer.forUser(revoked, "bob", 1, List.of("USER"), List.of(Permissions.LEDGER_READ)).value();

        mvc.perform(get("/reads").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("revoked in this test"));
    }

    @Test
    void aServiceTokenIsNotAskedForItsStanding() throws Exception {
        REVOKED_USERS.add("service:test-app");

        mvc.perform(get("/reads").header("Authorization", serviceToken.bearer())).andExpect(status().isOk());
    }

    @Test
    void aUserTokenCarriesTheSecurityVersionItWasIssuedAt() {
        String token = issuer.forUser(UUID.randomUUID(), "carol", 7, List.of(), List.of()).value();

        assertThat(decoder.decode(token).<Long>getClaim(TokenIssuer.SECURITY_VERSION_CLAIM)).isEqualTo(7L);
    }

    private String bearer(String permission) {
        return "Bearer " + issuer.forUser(UUID.randomUUID(), "alice", 1, List.of("USER"), List.of(permission)).value();
    }

    /** Subjects the test app's {@link TokenStanding} refuses. */
    private static final Set<String> REVOKED_USERS = ConcurrentHashMap.newKeySet();

    private static Path keys() {
        try {
            Path dir = Files.createTempDirectory("platform-keys");
            TestKeys.writePem(TestKeys.newKeyPair(), dir);
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {

        @Bean
        TokenStanding standing() {
            return jwt -> {
                if (REVOKED_USERS.contains(jwt.getSubject())) {
                    throw new TokenRefusedException("revoked in this test");
                }
            };
        }

        @Bean
        EndpointAccess access() {
            return requests -> requests
                    .requestMatchers("/open").permitAll()
                    .requestMatchers("/reads").hasAuthority(Permissions.LEDGER_READ)
                    .anyRequest().authenticated();
        }

        @Bean
        Endpoints endpoints() {
            return new Endpoints();
        }

        @Bean
        AppProblems appProblems() {
            return new AppProblems();
        }
    }

    @RestController
    static class Endpoints {

        @GetMapping("/open")
        String open() {
            return "open";
        }

        @GetMapping("/reads")
        String reads() {
            return "read";
        }

        @PostMapping("/echo")
        String echo(@RequestBody String body) {
            return body;
        }

        record Amount(long amount, String note) {
        }

        @PostMapping("/amounts")
        long amounts(@RequestBody Amount body) {
            AMOUNTS_TAKEN.incrementAndGet();
            return body.amount();
        }

        @GetMapping("/pages")
        String pages(@RequestParam(required = false) Integer limit, @RequestHeader(value = "Idempotency-Key",
                required = false) String key) {
            return "limit " + limit + ", key " + key;
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/refused")
        String refused() {
            throw new AppRefusal();
        }
    }

    static final class AppRefusal extends RuntimeException {
    }

    @RestControllerAdvice
    @Order(PlatformProblemHandler.APP_ORDER)
    static class AppProblems {

        @ExceptionHandler(AppRefusal.class)
        ResponseEntity<ProblemDetail> refused(AppRefusal e) {
            return Problems.of(CommonProblem.INVALID_REQUEST, "the app said no");
        }
    }
}
