package io.cloudphone.ledger.launcher.component;

import io.cloudphone.ledger.launcher.core.LauncherException;
import io.cloudphone.ledger.launcher.core.StackContext;
import io.cloudphone.ledger.launcher.core.Templates;
import io.cloudphone.ledger.launcher.process.Commands;
import io.cloudphone.ledger.launcher.process.ProcessSpec;
import io.cloudphone.ledger.launcher.process.Processes.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * PostgreSQL from Debian's newest {@code /usr/lib/postgresql/<version>/bin}, with logical decoding on. It refuses to
 * run as root: as root, the launcher runs it (and initdb, psql) as the unprivileged {@code postgres} user. Set up
 * on every start, idempotently: the role (password kept in step with CPL_PG_PASSWORD), the databases {@code ledger}
 * and {@code registry}, and the empty publication Debezium reads (command-api's migration adds its table).
 */
public final class Postgres implements Component {

    static final String USER = "postgres";
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public List<String> portVariables() {
        return List.of("CPL_PG_PORT");
    }

    @Override
    public Signal stopSignal() {
        // SIGINT is the "fast" shutdown (disconnects clients, clean checkpoint); SIGTERM ("smart") waits for
        // every client session to end.
        return Signal.INT;
    }

    @Override
    public void prepare(StackContext context) {
        Path data = dataDir(context);
        Path socket = socketDir(context);
        Path conf = context.state().conf().resolve("postgres");
        try {
            Files.createDirectories(data);
            Files.createDirectories(socket);
            Files.createDirectories(conf);
            if (context.asRoot()) {
                grantTraversal(context, context.state().root());
                own(data, socket);
            }
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("postgres: cannot prepare " + data, e);
        }
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            context.console().say("postgres: initialising a new cluster in " + data);
            require(context, Commands.run(asPostgres(context, bin("initdb").toString(), "-D", data.toString(), "-U", USER,
                    "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"), Map.of(), null, context.log(name()),
                    COMMAND_TIMEOUT), "initdb failed");
        }
        Path hba = conf.resolve("pg_hba.conf");
        Templates.render(context.config("postgresql.conf.template"), conf.resolve("postgresql.conf"), Map.of(
                "CPL_PG_PORT", context.settings().get("CPL_PG_PORT"), "PG_SOCKET_DIR", socket.toString(),
                "PG_HBA_FILE", hba.toString()), false);
        Templates.render(context.config("pg_hba.conf.template"), hba, Map.of(), false);
    }

    @Override
    public ProcessSpec launch(StackContext context) {
        Path data = dataDir(context);
        List<String> command = asPostgres(context, bin("postgres").toString(), "-D", data.toString(), "-c",
                "config_file=" + context.state().conf().resolve("postgres/postgresql.conf"));
        return new ProcessSpec(command, context.state().data(), Map.of(), marker(context));
    }

    /** PostgreSQL's command line is its own: its data dir names this state dir's instance. */
    @Override
    public String marker(StackContext context) {
        return "-D " + dataDir(context);
    }

    @Override
    public boolean healthy(StackContext context) {
        return Commands.run(List.of(bin("pg_isready").toString(), "-q", "-h", "127.0.0.1", "-p",
                context.settings().get("CPL_PG_PORT"), "-t", "1"), Map.of(), null, null, Duration.ofSeconds(5)).ok();
    }

    @Override
    public void setUp(StackContext context) {
        String user = context.settings().get("CPL_PG_USER");
        String database = context.settings().get("CPL_PG_DATABASE");
        String script = """
                SELECT format('CREATE ROLE %I', :'user') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user')
                \\gexec
                ALTER ROLE :"user" LOGIN REPLICATION PASSWORD :'password';
                SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
                 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')
                \\gexec
                SELECT format('CREATE DATABASE registry OWNER %I', :'user')
                 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'registry')
                \\gexec
                \\connect :"db" :"user"
                SELECT 'CREATE PUBLICATION cpl_outbox' WHERE NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'cpl_outbox')
                \\gexec
                """;
        require(context, Commands.run(asPostgres(context, bin("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", socketDir(context).toString(), "-p", context.settings().get("CPL_PG_PORT"), "-U", USER, "-d", "postgres",
                "-v", "user=" + user, "-v", "password=" + context.settings().get("CPL_PG_PASSWORD"), "-v", "db=" + database),
                Map.of(), script, context.log(name()), COMMAND_TIMEOUT),
                "creating the role, databases or publication failed");
    }

    static Path dataDir(StackContext context) {
        return context.state().data().resolve("postgres");
    }

    static Path socketDir(StackContext context) {
        return context.state().run().resolve("postgres");
    }

    private List<String> asPostgres(StackContext context, String... command) {
        List<String> full = new ArrayList<>();
        if (context.asRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    /** The postgres user must be able to traverse every ancestor of its data dir: grants o+x where missing. */
    private void grantTraversal(StackContext context, Path stateDir) throws IOException {
        for (Path dir = stateDir; dir != null && !dir.equals(dir.getRoot()); dir = dir.getParent()) {
            if (!Commands.run(asPostgres(context, "test", "-x", dir.toString()), Map.of(), null, null,
                    Duration.ofSeconds(5)).ok()) {
                var permissions = Files.getPosixFilePermissions(dir);
                permissions.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(dir, permissions);
                context.console().say("postgres: granted o+x on " + dir + " so that the postgres user can reach its data dir");
            }
        }
    }

    private static void own(Path... dirs) throws IOException {
        UserPrincipalLookupService lookup = Path.of("/").getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner;
        GroupPrincipal group;
        try {
            owner = lookup.lookupPrincipalByName(USER);
            group = lookup.lookupPrincipalByGroupName(USER);
        } catch (UserPrincipalNotFoundException e) {
            throw new LauncherException("postgres: no 'postgres' system user to run PostgreSQL as; apt-get install "
                    + "postgresql creates it");
        }
        for (Path dir : dirs) {
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            view.setOwner(owner);
            view.setGroup(group);
        }
    }

    private void require(StackContext context, Commands.Result result, String what) {
        if (!result.ok()) {
            throw new LauncherException("postgres: " + what + "; see " + context.log(name()));
        }
    }

    private static Path bin(String program) {
        return binaries().orElseThrow(() -> new LauncherException(
                "postgres: no PostgreSQL binaries under /usr/lib/postgresql/*/bin; install them with: apt-get install postgresql"))
                .resolve(program);
    }

    /** The newest version's bin directory. */
    static java.util.Optional<Path> binaries() {
        if (!Files.isDirectory(DEBIAN_BINARIES)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("postgres")))
                    .max(Comparator.comparing(bin -> versionOf(bin.getParent())));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
