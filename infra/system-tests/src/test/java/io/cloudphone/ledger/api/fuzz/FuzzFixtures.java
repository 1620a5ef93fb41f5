package io.cloudphone.ledger.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cloudphone.ledger.api.fuzz.FuzzRandom.Choice;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.Requests;
import io.cloudphone.ledger.system.TestTokens;
import io.cloudphone.ledger.system.TestTokens.Claims;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What generated requests need to get past authentication and look-ups, so that the checks behind those are reached
 * too: callers of every role, bad tokens, the ids of things that exist, and values the API accepts.
 *
 * <p>Users whose ids generated requests carry are kept apart from the one that owns the accounts, and the
 * administrator's own id is never used: a request that deletes, suspends or re-roles a user would otherwise revoke
 * the tokens the rest of the run (and the tests after it, which share the apps) relies on. A user a request did
 * revoke is replaced by a new one.
 */
final class FuzzFixtures {

    /**
     * Who a request claims to come from.
     *
     * @param authorizations the Authorization header values, none to many
     * @param userId         the user the token belongs to; null when it is nobody's
     */
    record Caller(String label, List<String> authorizations, UUID userId) {
    }

    /** Non-GET operations whose success raises the user's security version (README, "Revocation"). */
    private static final Pattern REVOKING_PATH = Pattern.compile("/v1/users/\\{userId}(/password|/suspension)?");
    private static final List<String> NOTIFICATION_TYPES = List.of("SECURITY", "BILLING", "DEVICE", "MARKETING");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Not from the seed: see {@link #unique}. */
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final ApiClient anonymous;
    private final FuzzRandom random;
    private final Session admin;
    private final Session owner;
    private final String account;
    private final String otherAccount;
    private final String holdId;
    private final String requestId;
    private final String role;
    private final List<String> problemCodes;
    private final Map<String, String> otherTokens;
    private Session self;
    private Session victim;
    private Session operator;

    private FuzzFixtures(ApiClient anonymous, FuzzRandom random) {
        this.anonymous = anonymous;
        this.random = random;
        this.admin = Identities.admin(anonymous);
        this.owner = Identities.newUser(anonymous);
        this.account = Requests.fundedAccounts(owner.api(), 1, 1_000_000).getFirst();
        Response hold = Requests.money(owner.api(), account, "holds", 100, "CNY");
        assertThat(hold.status()).as(hold.rawBody()).isEqualTo(202);
        this.holdId = hold.body().path("holdId").asText();
        this.requestId = hold.body().path("requestId").asText();
        this.operator = Identities.newOperator(anonymous);
        this.otherAccount = Requests.openAccount(operator.api(), "CNY");
        this.self = Identities.newUser(anonymous);
        this.victim = Identities.newUser(anonymous);
        this.role = newRole();
        this.problemCodes = problemCodes(anonymous);
        this.otherTokens = otherTokens(owner.userId());
    }

    static FuzzFixtures create(ApiClient anonymous, FuzzRandom random) {
        return new FuzzFixtures(anonymous, random);
    }

    /**
     * Mostly callers who get past authentication (users of each role, the service tokens the apps sign for each other),
     * and every way of getting it wrong: none, forged, expired, not a JWT, two tokens, another scheme.
     */
    Caller caller(FuzzOperations.Operation operation) {
        // On /v1/users/{userId} paths the USER is the one whose own id those requests carry.
        Session user = operation.path().contains("{userId}") ? self : owner;
        return random.weighted(List.of(
                new Choice<>(22, () -> session("USER", user)),
                new Choice<>(16, () -> session("OPERATOR", operator)),
                new Choice<>(20, () -> session("ADMIN", admin)),
                new Choice<>(5, () -> token("service token with system:monitor", otherTokens.get("monitor"))),
                new Choice<>(5, () -> token("service token with ledger:read", otherTokens.get("ledger"))),
                new Choice<>(8, () -> new Caller("no token", List.of(), null)),
                new Choice<>(5, () -> token("forged token", otherTokens.get("forged"))),
                new Choice<>(4, () -> token("expired token", otherTokens.get("expired"))),
                new Choice<>(4, () -> new Caller("not a JWT", List.of("Bearer not.a.jwt"), null)),
                new Choice<>(4, () -> new Caller("two Authorization headers (USER, ADMIN)",
                        List.of(bearer(user), bearer(admin)), null)),
                new Choice<>(2, () -> new Caller("Basic credentials", List.of("Basic YWRtaW46YWRtaW4="), null)),
                new Choice<>(2, () -> new Caller("empty bearer", List.of("Bearer "), null)),
                new Choice<>(3, () -> new Caller("USER, scheme in lower case", List.of("bearer " + user.token()),
                        user.userId()))));
    }

    /** Ids of things that exist, for a path parameter of this name; empty when there are none. */
    List<String> realIds(String parameter, Caller caller) {
        return switch (parameter) {
            case "userId" -> userIds(caller);
            case "accountId" -> List.of(account, otherAccount);
            case "holdId" -> List.of(holdId);
            case "requestId" -> List.of(requestId);
            case "name" -> List.of(role);
            case "type" -> NOTIFICATION_TYPES;
            case "code" -> problemCodes;
            default -> List.of();
        };
    }

    /**
     * A value the API accepts for a body property of this name, so that a generated body gets past the checks in
     * front of the one a mutation aims at; empty for names the schema alone describes well enough.
     */
    Optional<JsonNode> hint(String property) {
        Function<String, JsonNode> text = NODES::textNode;
        return Optional.ofNullable(switch (property) {
            case "accountId" -> text.apply(random.chance(50) ? account : unique("fz-"));
            case "fromAccountId" -> text.apply(account);
            case "toAccountId" -> text.apply(otherAccount);
            case "currency" -> text.apply(random.chance(90) ? "CNY" : "USD");
            case "amount" -> NODES.numberNode(random.between(1, 500));
            case "limit" -> NODES.numberNode(random.between(0, 1000));
            case "reason" -> text.apply("fuzz: a correcting entry");
            case "expiresAt" -> text.apply(Instant.now().plus(random.between(5, 120), ChronoUnit.MINUTES).toString());
            case "username" -> text.apply(random.chance(50) ? victim.username() : unique("fz-"));
            case "email" -> text.apply(unique("fz-") + "@example.com");
            case "displayName" -> text.apply("Fuzz " + random.alphanumeric(6));
            case "password", "currentPassword" -> text.apply(random.chance(70) ? Identities.PASSWORD
                    : "fuzz password " + random.alphanumeric(8));
            case "newPassword" -> text.apply("fuzz password " + random.alphanumeric(8));
            case "roles" -> NODES.arrayNode().add("USER").add(random.chance(30) ? role : "USER");
            case "permissions" -> NODES.arrayNode().add("account:own");
            case "name" -> text.apply(unique("FZ_").toUpperCase());
            case "expectedVersion" -> NODES.numberNode(random.between(1, 3));
            case "type" -> text.apply("FuzzNoted");
            case "channels" -> NODES.arrayNode().add("EMAIL").add("IN_APP");
            case "enabled" -> NODES.booleanNode(random.chance(50));
            case "subject" -> text.apply(UUID.randomUUID().toString());
            case "customSettings" -> NODES.objectNode().put("digest", "daily");
            case "data" -> NODES.objectNode().put("note", "fuzz");
            default -> null;
        });
    }

    /**
     * A name no earlier run took: the IT stack keeps its database between builds, and a run repeated with the same
     * seed generates the same random part.
     */
    String unique(String prefix) {
        return prefix + run + random.alphanumeric(8);
    }

    /**
     * Replaces a user whose tokens a request that wrote (succeeded, or was refused and wrote all the same) may have
     * revoked: deleted, suspended, re-roled, given a new password.
     */
    void afterWrite(FuzzRequests.FuzzRequest request) {
        if (request.method().equals("GET") || !REVOKING_PATH.matcher(request.operation().path()).matches()) {
            return;
        }
        String target = request.pathValues().get("userId");
        if (self.userId().toString().equals(target)) {
            self = Identities.newUser(anonymous);
        } else if (victim.userId().toString().equals(target)) {
            victim = Identities.newUser(anonymous);
        } else if (operator.userId().toString().equals(target)) {
            operator = Identities.newOperator(anonymous);
        }
    }

    /** How a finding shows an Authorization value: by whose token it is, not the token. */
    String shown(String authorization) {
        Map<String, String> tokens = new HashMap<>(otherTokens);
        tokens.putAll(Map.of("USER", owner.token(), "USER self", self.token(), "victim", victim.token(),
                "OPERATOR", operator.token(), "ADMIN", admin.token()));
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            authorization = authorization.replace(token.getValue(), "<" + token.getKey() + " token>");
        }
        return authorization;
    }

    private List<String> userIds(Caller caller) {
        List<String> ids = new ArrayList<>(List.of(self.userId().toString(), victim.userId().toString()));
        if (caller.userId() != null && !caller.userId().equals(admin.userId()) && !caller.userId().equals(owner.userId())) {
            ids.add(caller.userId().toString());
        }
        return ids;
    }

    private static Caller session(String label, Session session) {
        return new Caller(label, List.of(bearer(session)), session.userId());
    }

    private static Caller token(String label, String token) {
        return new Caller(label, List.of("Bearer " + token), null);
    }

    private static String bearer(Session session) {
        return "Bearer " + session.token();
    }

    private String newRole() {
        String name = unique("FZ_").toUpperCase();
        Response created = admin.api().post("/v1/roles", "{\"name\":\"%s\",\"permissions\":[\"account:own\"]}".formatted(name));
        assertThat(created.status()).as(created.rawBody()).isEqualTo(201);
        return name;
    }

    private static List<String> problemCodes(ApiClient anonymous) {
        Response catalogue = anonymous.get("/problems");
        List<String> codes = new ArrayList<>();
        catalogue.body().forEach(entry -> codes.add(entry.path("code").asText()));
        return codes;
    }

    /**
     * Tokens signed by the stack for services (which carry no user: command-api must refuse them as callers, the
     * ledger must let ledger:read in), and tokens no app may accept.
     */
    private static Map<String, String> otherTokens(UUID userId) {
        return Map.of(
                "monitor", TestTokens.signedByStack(Claims.service("fuzz-monitor", List.of("system:monitor"))),
                "ledger", TestTokens.signedByStack(Claims.service("fuzz-ledger-reader", List.of("ledger:read"))),
                "forged", TestTokens.forged(Claims.valid(userId, List.of("account:own"))),
                "expired", TestTokens.signedByStack(Claims.valid(userId, List.of("account:own")).expired()));
    }
}
