package io.cloudphone.ledger.api.role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for roles and their permissions. Every write runs in the caller's transaction. */
@Repository
class RoleRepository {

    static final String NAME_UNIQUE = "role_name_unique";

    private final JdbcClient jdbc;

    RoleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A taken name fails with a unique violation on {@link #NAME_UNIQUE}. */
    void insert(UUID roleId, String name) {
        jdbc.sql("INSERT INTO role (role_id, name, version) VALUES (:id, :name, 1)")
                .param("id", roleId).param("name", name).update();
    }

    /** @return the role's id and new version, empty when there is no such role */
    Optional<Role> bumpVersion(String name) {
        return jdbc.sql("UPDATE role SET version = version + 1 WHERE name = :name RETURNING role_id, name, version")
                .param("name", name)
                .query((row, n) -> new Role(row.getObject("role_id", UUID.class), row.getString("name"),
                        row.getLong("version"), List.of()))
                .optional();
    }

    /** Replaces the permission set; an unknown permission fails with a foreign-key violation. */
    void replacePermissions(UUID roleId, List<String> permissions) {
        jdbc.sql("DELETE FROM role_permission WHERE role_id = :id").param("id", roleId).update();
        jdbc.sql("INSERT INTO role_permission (role_id, permission) SELECT :id, unnest(:permissions)")
                .param("id", roleId).param("permissions", permissions.toArray(String[]::new)).update();
    }

    /** A role's permissions changed: every token of its holders carries the old set, so every one is revoked. */
    int revokeTokensOfHolders(UUID roleId) {
        return jdbc.sql("""
                        UPDATE app_user SET security_version = security_version + 1
                        WHERE user_id IN (SELECT user_id FROM user_role WHERE role_id = :id)""")
                .param("id", roleId).update();
    }

    List<Role> all() {
        return jdbc.sql(SELECT_ROLE + " GROUP BY r.role_id ORDER BY r.name").query(RoleRepository::toRole).list();
    }

    Optional<Role> find(String name) {
        return jdbc.sql(SELECT_ROLE + " WHERE r.name = :name GROUP BY r.role_id")
                .param("name", name).query(RoleRepository::toRole).optional();
    }

    List<String> permissionNames() {
        return jdbc.sql("SELECT name FROM permission ORDER BY name").query(String.class).list();
    }

    private static final String SELECT_ROLE = """
            SELECT r.role_id, r.name, r.version,
                   coalesce(array_agg(rp.permission ORDER BY rp.permission)
                            FILTER (WHERE rp.permission IS NOT NULL), '{}') AS permissions
            FROM role r LEFT JOIN role_permission rp ON rp.role_id = r.role_id""";

    private static Role toRole(ResultSet row, int rowNumber) throws SQLException {
        return new Role(row.getObject("role_id", UUID.class), row.getString("name"), row.getLong("version"),
                List.of((String[]) row.getArray("permissions").getArray()));
    }
}
