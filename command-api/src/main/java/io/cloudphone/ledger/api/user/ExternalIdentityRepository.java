package io.cloudphone.ledger.api.user;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for links between users and identities at an external issuer (V4__external_identity.sql). */
@Repository
class ExternalIdentityRepository {

    /** Violated when the identity is already linked to a user (maybe another one). */
    static final String IDENTITY_UNIQUE = "external_identity_pk";

    private final JdbcClient jdbc;

    ExternalIdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record LinkedUser(UUID userId, Set<String> permissions) {
    }

    record Link(String issuer, String subject) {
    }

    /** All the user's links, at any issuer ever configured, oldest first. */
    List<Link> linksOf(UUID userId) {
        return jdbc.sql("SELECT issuer, subject FROM external_identity WHERE user_id = :id ORDER BY linked_at, issuer")
                .param("id", userId)
                .query((row, n) -> new Link(row.getString("issuer"), row.getString("subject")))
                .list();
    }

    int deleteAll(UUID userId) {
        return jdbc.sql("DELETE FROM external_identity WHERE user_id = :id").param("id", userId).update();
    }

    Optional<String> subjectOf(UUID userId, String issuer) {
        return jdbc.sql("SELECT subject FROM external_identity WHERE user_id = :id AND issuer = :issuer")
                .param("id", userId).param("issuer", issuer).query(String.class).optional();
    }

    /** Fails with a unique violation when the identity is linked already (see {@link #IDENTITY_UNIQUE}). */
    void insert(UUID userId, String issuer, String subject) {
        jdbc.sql("INSERT INTO external_identity (issuer, subject, user_id) VALUES (:issuer, :subject, :id)")
                .param("issuer", issuer).param("subject", subject).param("id", userId).update();
    }

    boolean delete(UUID userId, String issuer, String subject) {
        return jdbc.sql("DELETE FROM external_identity WHERE user_id = :id AND issuer = :issuer AND subject = :subject")
                .param("id", userId).param("issuer", issuer).param("subject", subject).update() == 1;
    }

    /**
     * The live user linked to the identity, with the permissions of its roles; a deleted or suspended user is
     * nobody. Read on every request, so a revocation holds for the provider's tokens from the next request on.
     */
    Optional<LinkedUser> find(String issuer, String subject) {
        return jdbc.sql("""
                        SELECT u.user_id,
                               array_remove(array_agg(DISTINCT rp.permission), NULL) AS permissions
                        FROM external_identity e
                        JOIN app_user u ON u.user_id = e.user_id AND u.deleted_at IS NULL AND u.suspended_at IS NULL
                        LEFT JOIN user_role ur ON ur.user_id = u.user_id
                        LEFT JOIN role_permission rp ON rp.role_id = ur.role_id
                        WHERE e.issuer = :issuer AND e.subject = :subject
                        GROUP BY u.user_id""")
                .param("issuer", issuer).param("subject", subject)
                .query((row, n) -> new LinkedUser(row.getObject("user_id", UUID.class),
                        Set.of((String[]) row.getArray("permissions").getArray())))
                .optional();
    }
}
