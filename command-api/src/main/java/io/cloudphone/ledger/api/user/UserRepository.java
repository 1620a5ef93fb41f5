package io.cloudphone.ledger.api.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for users and their roles. Every write runs in the caller's transaction. */
@Repository
public class UserRepository {

    /** Unique indexes whose violation means "taken" (see V2__identity.sql). */
    static final String USERNAME_UNIQUE = "app_user_username_unique";
    static final String EMAIL_UNIQUE = "app_user_email_unique";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a live user at version 1; a taken username or email fails with a unique violation. */
    void insert(UUID userId, String username, String email, String displayName, String passwordHash) {
        jdbc.sql("""
                        INSERT INTO app_user (user_id, username, email, display_name, password_hash, version)
                        VALUES (:id, :username, :email, :displayName, :hash, 1)""")
                .param("id", userId).param("username", username).param("email", email)
                .param("displayName", displayName).param("hash", passwordHash)
                .update();
    }

    /**
     * Replaces the user's roles with the named ones.
     *
     * @return how many of the names exist as roles (the caller refuses the change when that is not all)
     */
    int replaceRoles(UUID userId, List<String> roleNames) {
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", userId).update();
        return jdbc.sql("""
                        INSERT INTO user_role (user_id, role_id)
                        SELECT :id, role_id FROM role WHERE name = ANY(:names)""")
                .param("id", userId).param("names", roleNames.toArray(String[]::new))
                .update();
    }

    Optional<User> find(UUID userId) {
        return jdbc.sql(SELECT_USER + " WHERE u.user_id = :id GROUP BY u.user_id")
                .param("id", userId).query(UserRepository::toUser).optional();
    }

    /**
     * Live users in username order after {@code afterUsername} ("" for the first page), {@code rows} at most; with
     * {@code username} (lower case, as UserInput gives it), only that one (the administrator's look-up by name).
     */
    List<User> livePage(String afterUsername, Optional<String> username, int rows) {
        String byName = username.isPresent() ? " AND lower(u.username) = :username" : "";
        // Byte order ("C"), whatever the database's collation: the cursor's comparison and the order must agree.
        var query = jdbc.sql(SELECT_USER + " WHERE u.deleted_at IS NULL AND lower(u.username) COLLATE \"C\" > :after"
                        + byName + " GROUP BY u.user_id ORDER BY lower(u.username) COLLATE \"C\" LIMIT :rows")
                .param("after", afterUsername).param("rows", rows);
        return username.map(name -> query.param("username", name)).orElse(query)
                .query(UserRepository::toUser).list();
    }

    Optional<User> findLive(UUID userId) {
        return find(userId).filter(user -> !user.deleted());
    }

    public List<String> rolesOf(UUID userId) {
        return jdbc.sql("""
                        SELECT r.name FROM user_role ur JOIN role r USING (role_id)
                        WHERE ur.user_id = :id ORDER BY r.name""")
                .param("id", userId).query(String.class).list();
    }

    /** The union of the permissions of the user's roles: what goes into their token. */
    public List<String> permissionsOf(UUID userId) {
        return jdbc.sql("""
                        SELECT DISTINCT rp.permission FROM user_role ur JOIN role_permission rp USING (role_id)
                        WHERE ur.user_id = :id ORDER BY rp.permission""")
                .param("id", userId).query(String.class).list();
    }

    /** The security version a token of the user must carry, and whether any may stand (not deleted, not suspended). */
    record Standing(long securityVersion, boolean active) {
        static final Standing NOBODY = new Standing(0, false);
    }

    /** See platform TokenStanding; {@link Standing#NOBODY} for a user that never existed. */
    Standing standingOf(UUID userId) {
        return jdbc.sql("""
                        SELECT security_version, (deleted_at IS NULL AND suspended_at IS NULL) AS active
                        FROM app_user WHERE user_id = :id""")
                .param("id", userId)
                .query((row, n) -> new Standing(row.getLong("security_version"), row.getBoolean("active")))
                .optional().orElse(Standing.NOBODY);
    }

    /** Ends every token issued to the user so far; in the transaction of the change that calls for it. */
    void revokeTokens(UUID userId) {
        jdbc.sql("UPDATE app_user SET security_version = security_version + 1 WHERE user_id = :id")
                .param("id", userId).update();
    }

    /** @return false when the user is already suspended (nothing changes) */
    boolean suspend(UUID userId) {
        return jdbc.sql("""
                        UPDATE app_user SET suspended_at = now(), security_version = security_version + 1
                        WHERE user_id = :id AND deleted_at IS NULL AND suspended_at IS NULL""")
                .param("id", userId).update() == 1;
    }

    /**
     * Raises the version too: a token signed after the reinstatement then carries a version above any cached
     * while suspended, which makes the cache re-read (UserStandings) instead of refusing it for a second.
     *
     * @return false when the user is not suspended (nothing changes)
     */
    boolean reinstate(UUID userId) {
        return jdbc.sql("""
                        UPDATE app_user SET suspended_at = NULL, security_version = security_version + 1
                        WHERE user_id = :id AND deleted_at IS NULL AND suspended_at IS NOT NULL""")
                .param("id", userId).update() == 1;
    }

    void updateProfile(UUID userId, String email, String displayName) {
        jdbc.sql("UPDATE app_user SET email = :email, display_name = :displayName WHERE user_id = :id")
                .param("id", userId).param("email", email).param("displayName", displayName).update();
    }

    /** Only a change from the hash the caller verified: a concurrent change of password wins, this one fails. */
    boolean replacePasswordHash(UUID userId, String verifiedHash, String newHash) {
        return jdbc.sql("""
                        UPDATE app_user SET password_hash = :newHash, security_version = security_version + 1
                        WHERE user_id = :id AND password_hash = :verifiedHash AND deleted_at IS NULL""")
                .param("id", userId).param("verifiedHash", verifiedHash).param("newHash", newHash)
                .update() == 1;
    }

    Optional<String> passwordHashOf(UUID userId) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE user_id = :id AND deleted_at IS NULL")
                .param("id", userId).query(String.class).optional();
    }

    boolean softDelete(UUID userId) {
        return jdbc.sql("""
                        UPDATE app_user SET deleted_at = now(), security_version = security_version + 1
                        WHERE user_id = :id AND deleted_at IS NULL""")
                .param("id", userId).update() == 1;
    }

    private static final String SELECT_USER = """
            SELECT u.user_id, u.username, u.email, u.display_name, u.version, u.created_at, u.locked_until,
                   u.deleted_at, u.suspended_at,
                   coalesce(array_agg(r.name ORDER BY r.name) FILTER (WHERE r.name IS NOT NULL), '{}') AS roles
            FROM app_user u
            LEFT JOIN user_role ur ON ur.user_id = u.user_id
            LEFT JOIN role r ON r.role_id = ur.role_id""";

    private static User toUser(ResultSet row, int rowNumber) throws SQLException {
        return new User(row.getObject("user_id", UUID.class), row.getString("username"), row.getString("email"),
                row.getString("display_name"), List.of((String[]) row.getArray("roles").getArray()),
                row.getLong("version"), instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("locked_until")), instant(row.getTimestamp("deleted_at")),
                instant(row.getTimestamp("suspended_at")));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
