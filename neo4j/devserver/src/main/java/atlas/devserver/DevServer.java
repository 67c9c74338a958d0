package atlas.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Neo4j 5 Community with Bolt on 127.0.0.1, for tests and for running the service without
 * Docker. Prints the Bolt URI on stdout (one line, nothing else goes to stdout) once the
 * server answers RETURN 1 over Bolt, then serves until stdin reaches end of file, the parent
 * process exits, or it gets SIGINT/SIGTERM; then it shuts Neo4j down and, if the data folder
 * was a temporary one, deletes it.
 *
 * <p>Flags: --port N (0, the default, picks a free one), --data DIR (default: a new
 * temporary folder, deleted at exit), --password P (default $NEO4J_PASSWORD, else
 * atlas-dev-password; user neo4j), --ignore-stdin (serve even when stdin is closed, e.g.
 * when started in the background with &lt; /dev/null).
 */
public final class DevServer {
    private static final String DEFAULT_PASSWORD = "atlas-dev-password";

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // Neo4j's threads would keep a half-started server alive after main fails;
            // exiting runs the shutdown hook, which stops it.
            log("failed: " + e);
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int port = 0;
        Path data = null;
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "");
        if (password.isEmpty()) {
            password = DEFAULT_PASSWORD;
        }
        boolean watchStdin = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--data" -> data = Path.of(value(args, ++i));
                case "--password" -> password = value(args, ++i);
                case "--ignore-stdin" -> watchStdin = false;
                default -> usage("unknown flag " + args[i]);
            }
        }
        if (password.length() < 8) {
            usage("the password needs at least 8 characters (Neo4j's minimum)");
        }
        if (port == 0) {
            // A concrete port, not 0: the server advertises it in routing tables, which
            // neo4j:// clients follow.
            port = freePort();
        }
        boolean temporary = data == null;
        Path home = temporary ? Files.createTempDirectory("atlas-neo4j-") : data.toAbsolutePath();

        // Watch the parent and stdin from the start, not once Neo4j is ready: a parent
        // that exits while Neo4j is still starting must not leave it running. The
        // shutdown hook stops whatever has been started by then, exactly once.
        AtomicReference<DatabaseManagementService> started = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService dbms = started.get();
            if (dbms != null) {
                log("stopping Neo4j");
                dbms.shutdown();
            }
            if (temporary) {
                deleteTree(home);
            }
            log("stopped");
        }));
        CountDownLatch stop = new CountDownLatch(1);
        Runnable exitNow = () -> {
            stop.countDown();
            System.exit(0);
        };
        parentToWatch().ifPresentOrElse(parent -> parent.onExit().thenRun(() -> {
            log("parent process " + parent.pid() + " exited");
            exitNow.run();
        }), () -> {
            log("the parent process exited before Neo4j started");
            exitNow.run();
        });
        if (watchStdin) {
            Thread reader = new Thread(() -> {
                drain(System.in);
                log("stdin closed");
                exitNow.run();
            }, "stdin-watch");
            reader.setDaemon(true);
            reader.start();
        }

        log("starting Neo4j in " + home);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(Map.of(
                        BoltConnector.enabled, true,
                        BoltConnector.listen_address, new SocketAddress("127.0.0.1", port),
                        BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port),
                        GraphDatabaseSettings.auth_enabled, true,
                        // No lock-out after failed logins: on a shared machine another
                        // program probing loopback with a wrong password would otherwise
                        // lock the tests out of user neo4j (seen in practice).
                        GraphDatabaseSettings.auth_max_failed_attempts, 0,
                        // Small and fixed: the machines running CI are shared.
                        GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024,
                        GraphDatabaseSettings.preallocate_logical_logs, false,
                        GraphDatabaseSettings.udc_enabled, false))
                .build();
        started.set(dbms);

        // Embedded transactions bypass authentication, so this works whatever password an
        // existing data folder had. Neo4j refuses to set the password it already has,
        // which is what a restart on the same data folder asks: that is fine.
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
            log("the data folder already has this password");
        }

        String uri = "bolt://127.0.0.1:" + port;
        try (Driver driver = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", password));
             var session = driver.session()) {
            long one = session.run("RETURN 1 AS one").single().get("one").asLong();
            if (one != 1) {
                throw new IllegalStateException("RETURN 1 answered " + one);
            }
        }
        System.out.println(uri);
        System.out.flush();
        log("ready: NEO4J_URI=" + uri + " NEO4J_USER=neo4j");
        stop.await();
        // The shutdown hook stops Neo4j; exiting runs it exactly once, whatever stopped us.
        System.exit(0);
    }

    /**
     * The process whose exit stops the server: the one that ran run.sh (DEVSERVER_PARENT,
     * set by run.sh, which execs the JVM), else the JVM's parent. Empty when that process
     * has already exited, which the JVM's parent alone cannot tell (an orphan is adopted).
     */
    private static java.util.Optional<ProcessHandle> parentToWatch() {
        String pid = System.getenv().getOrDefault("DEVSERVER_PARENT", "");
        if (pid.isEmpty()) {
            return ProcessHandle.current().parent();
        }
        var parent = ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
        var actual = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        return parent.filter(p -> p.pid() == actual);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void drain(InputStream in) {
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken stdin means the same as a closed one.
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log("could not delete " + root + ": " + e.getMessage());
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("devserver: " + problem);
        System.err.println("usage: devserver [--port N] [--data DIR] [--password P] [--ignore-stdin]");
        System.exit(2);
    }

    private static void log(String line) {
        System.err.println("devserver: " + line);
    }
}
