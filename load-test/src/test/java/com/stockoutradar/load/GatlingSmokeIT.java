package com.stockoutradar.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Gatling suite, by default as the build's smoke profile: starts the packaged application (demo shop, its own ports and
 * data, a user and an API key made up for the run), runs each simulation for a few seconds at a low rate in its own
 * JVM with those credentials, and requires Gatling's exit code 0: every assertion held and, for the ingestion
 * simulations, nothing was lost or doubled. Gatling's HTML reports land in {@code load-test/target/gatling}. A full
 * run names one simulation and its figures (see docs/benchmarks.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatlingSmokeIT {
    static final Path WORK = Path.of("target/smoke");

    // free ports picked now, so that nothing else on the machine (a local app, a previous run) is ever in the way;
    // three different ones: a port freed and asked for again can come back
    private final int[] ports = threeFreePorts();
    private final int httpPort = ports[0];
    private final int postgresPort = ports[1];
    private final int jdbcPort = ports[2];
    private final URI base = URI.create("http://127.0.0.1:" + httpPort);
    /** Who the simulations are: made up for this run and given to the application it starts. */
    private final Credentials credentials = Credentials.generated();

    private Process application;

    @BeforeAll
    void startApplication() throws Exception {
        deleteRecursively(WORK); // a fresh shop every run
        Files.createDirectories(WORK);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g", "-jar",
                Path.of(System.getProperty("radar.jar")).toAbsolutePath().toString(),
                "--server.port=" + httpPort,
                "--radar.embedded-postgres.port=" + postgresPort,
                "--radar.grid.discovery-port=48700",
                "--radar.grid.communication-port=48300", "--radar.grid.client-connector-port=" + jdbcPort,
                "--radar.grid.data-region-size=512MB",
                "--management.endpoint.shutdown.access=unrestricted",
                "--management.endpoints.web.exposure.include=health,shutdown"));
        command.addAll(credentials.applicationArguments());
        if (System.getProperty("products") != null) {
            // a full run over a larger catalogue: the demo shop seeds that many products
            command.add("--radar.demo.products=" + System.getProperty("products"));
        }
        application = new ProcessBuilder(command)
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("application.log").toFile())
                .start();
        Application.awaitUp(base, credentials.person(), Duration.ofMinutes(3));
    }

    @AfterAll
    void stopApplication() throws Exception {
        if (application != null) {
            Application.stop(base, credentials.person());
            if (!application.waitFor(60, TimeUnit.SECONDS)) {
                application.destroy();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SaleIngestion", "BatchIngestion", "AnalystsAndDashboard", "MixedDay"})
    void simulationHoldsItsAssertions(String simulation) throws IOException, InterruptedException {
        Assumptions.assumeTrue(System.getProperty("simulation", simulation).equals(simulation),
                "another simulation was asked for");
        int warmup = Integer.getInteger("warmup", 3);
        if (warmup > 0) {
            // a freshly started JVM answers its first seconds of load slowly (JIT): runs measure after them. The
            // warm-up offers at most 250/s, which a cold node absorbs; a high rate would pile up connections.
            Double rate = rate();
            Result warm = run(simulation, warmup, "warm-up", rate == null ? null : Math.min(250, rate));
            assertNothingLost(simulation, warm);
        }
        Result measured = run(simulation, Integer.parseInt(System.getProperty("seconds", "5")), "run", rate());
        assertThat(measured.exitCode()).as("Gatling's exit code; its output:%n%s", measured.output()).isZero();
        assertNothingLost(simulation, measured);
    }

    private record Result(int exitCode, String output) {
    }

    /** The rate a full run asks for; null in the smoke, where each simulation has its own. */
    private static Double rate() {
        return System.getProperty("rate") == null ? null : Double.valueOf(System.getProperty("rate"));
    }

    /** Runs one simulation in its own JVM; {@code rate} null leaves the simulation's own smoke rate. */
    private Result run(String simulation, int seconds, String name, Double rate)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m"));
        // Gatling and Ignite's JDBC driver need the same JDK internals opened as this test JVM has
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens")).forEach(command::add);
        // a full run passes its own figures: ./mvnw verify -pl load-test -Dsimulation=SaleIngestion -Dseconds=60 ...
        for (String setting : List.of("p99", "batchSize", "analysts", "sqlAnalysts", "products")) {
            if (System.getProperty(setting) != null) {
                command.add("-D" + setting + "=" + System.getProperty(setting));
            }
        }
        if (rate != null) {
            command.add("-Drate=" + rate);
        }
        command.addAll(List.of("-DbaseUrl=" + base, "-Dseconds=" + seconds,
                "-DapiKey=" + credentials.apiKey(), "-Duser=" + credentials.user(),
                "-Dpassword=" + credentials.password(),
                "-Djdbc=jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres?user=postgres",
                // the embedded PostgreSQL's, which the application created in its working directory
                "-DpostgresPassword=" + Files.readString(WORK.resolve("data/security/postgres-password")).strip(),
                "-DigniteJdbc=jdbc:ignite:thin://127.0.0.1:" + jdbcPort,
                "-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "-s", "com.stockoutradar.load.simulations." + simulation,
                "-rf", Path.of("target/gatling").toAbsolutePath().toString()));
        Path log = WORK.resolve(simulation + "-" + name + ".log");
        Process gatling = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(gatling.waitFor(seconds + 300L, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(gatling.exitValue(), Files.readString(log));
    }

    private static void assertNothingLost(String simulation, Result result) {
        if (!simulation.equals("AnalystsAndDashboard")) {
            assertThat(result.output()).contains("nothing lost:");
        }
    }

    private static int[] threeFreePorts() {
        int[] ports;
        do {
            ports = new int[] {freePort(), freePort(), freePort()};
        } while (ports[0] == ports[1] || ports[1] == ports[2] || ports[0] == ports[2]);
        return ports;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
