package com.stockoutradar.web.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import com.stockoutradar.api.StockoutRadarClient;
import com.stockoutradar.web.ChildJvm;
import com.stockoutradar.web.SalesUnderLoad;
import com.stockoutradar.web.TestAccounts;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged application killed with SIGKILL while it acknowledges batches of sales, then started again on the
 * same disk and the same PostgreSQL: nothing acknowledged is lost or stored twice, and stock equals history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT {
    private final Path directory = Path.of("target/it-data/crash-" + UUID.randomUUID()).toAbsolutePath();
    private EmbeddedPostgres postgres;

    @BeforeAll
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("postgres"))
                .setCleanDataDirectory(false).start();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void aKilledApplicationLosesAndDoublesNothingItAcknowledged() {
        int httpPort = ChildJvm.freePort();
        StockoutRadarClient client = new StockoutRadarClient(URI.create("http://127.0.0.1:" + httpPort),
                TestAccounts.ADMIN);
        SalesUnderLoad load;
        try (ChildJvm first = startApp(httpPort)) {
            load = SalesUnderLoad.start(client, 1, 40, 4);
            load.awaitAcknowledged(3_000);
            first.kill();
        }
        int acknowledgedBeforeKill = load.acknowledged();
        load.close();

        try (ChildJvm second = startApp(httpPort)) {
            load.assertKept(new JdbcTemplate(postgres.getPostgresDatabase()), client);
            assertThat(second.output()).as("the restart found its data on disk").contains("no cold start");
        }
        assertThat(acknowledgedBeforeKill).isGreaterThanOrEqualTo(3_000);
    }

    private ChildJvm startApp(int httpPort) {
        return ChildJvm.start(Path.of(System.getProperty("radar.jar")), directory.resolve("app"),
                "Started StockoutRadarApplication", List.of(
                        "--server.port=" + httpPort,
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                        "--spring.datasource.username=postgres",
                        "--radar.demo.enabled=false", "--radar.risk.refresh-on-start=false",
                        "--radar.risk.backtest-on-start=false",
                        "--radar.grid.discovery-port=48600",
                        "--radar.grid.communication-port=48200", "--radar.grid.client-connector-port=11000",
                        "--radar.grid.data-region-size=256MB", "--radar.grid.wal-segment-size=4MB",
                        "--radar.security.users.admin.password={noop}admin-secret",
                        "--radar.security.users.admin.roles=ADMIN"));
    }
}
