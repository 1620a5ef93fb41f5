package io.cloudphone.ledger.api.user;

import io.cloudphone.ledger.api.system.ApiProblem;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Creates the bootstrap administrator once, through the ordinary user-creation path (so it has its events). */
@Component
class BootstrapAdmin implements ApplicationRunner {

    static final List<String> ROLES = List.of("ADMIN", "OPERATOR", "USER");
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final BootstrapAdminProperties properties;
    private final UserCommands commands;
    private final JdbcClient jdbc;

    BootstrapAdmin(BootstrapAdminProperties properties, UserCommands commands, JdbcClient jdbc) {
        this.properties = properties;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.password() == null || properties.password().isEmpty()) {
            log.info("no bootstrap administrator configured (cpl.identity.bootstrap-admin.password is empty)");
            return;
        }
        String username = UserInput.username(properties.username());
        boolean exists = jdbc.sql("SELECT count(*) FROM app_user WHERE lower(username) = :name AND deleted_at IS NULL")
                .param("name", username).query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            commands.create(new UserCommands.NewUser(username, UserInput.email(properties.email()), "Administrator",
                    UserInput.password(properties.password()), ROLES));
            log.info("created bootstrap administrator '{}'", username);
        } catch (ApiProblem e) {
            if (e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            // Another instance created it at the same moment: the unique index let exactly one through.
        }
    }
}
