package com.stockoutradar.grid.security;

import static com.stockoutradar.grid.security.AnalystJdbc.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.QueryCancelledException;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.query.running.GridRunningQueryInfo;
import org.apache.ignite.internal.processors.query.running.RunningQueryManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import com.stockoutradar.api.GridNames;
import com.stockoutradar.grid.support.TestNode;

/**
 * {@code radar.grid.analyst-query-timeout} on a real node: an analyst's query that runs longer is cancelled by the
 * node, whatever the client asked for, the node goes on serving, and the system's own queries are not held to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES) // without the limit, an endless query is never answered
class AnalystQueryTimeoutIT {
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Reads a table (so it has a map and a reduce phase, like any analyst's query) and never ends by itself. */
    static final String ENDLESS = "SELECT COUNT(*) FROM PRODUCT p, SYSTEM_RANGE(1, 1000000000000) r";
    /** The same, as the system's own: told apart from the analysts' by its text. */
    static final String OWN_ENDLESS = "SELECT COUNT(*) FROM PRODUCT p, SYSTEM_RANGE(1, 1000000000000) own";
    /** What the 2.17 thin driver says of a query the server cancelled, and its SQLState ("query canceled"). */
    static final String CANCELLED = "The query was cancelled while executing";
    static final String QUERY_CANCELED = "57014";
    static final long STOCK = 50;

    private TestNode node;
    private long product;

    @BeforeAll
    void nodeWithAShortAnalystTimeout() {
        node = TestNode.start(Map.of("radar.grid.analyst-query-timeout", TIMEOUT.toString()));
        product = node.newProduct(STOCK);
    }

    @AfterAll
    void stopNode() {
        node.close();
    }

    @Test
    void anAnalystsQueryThatRunsLongerThanTheTimeoutIsCancelled() throws SQLException {
        try (Connection jdbc = AnalystJdbc.signIn(node)) {
            assertThatThrownBy(() -> rows(jdbc, ENDLESS))
                    .isInstanceOf(SQLException.class).hasMessageContaining(CANCELLED)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(QUERY_CANCELED);

            // the same connection, and the node, go on serving
            assertThat(rows(jdbc, "SELECT stock FROM PRODUCT WHERE id = " + product)).isNotEmpty();
        }
        long sold = node.sell(product, 1, null).stock();
        try (Connection jdbc = AnalystJdbc.signIn(node)) {
            assertThat(rows(jdbc, "SELECT stock FROM PRODUCT WHERE id = " + product))
                    .containsExactly(List.of(sold));
        }
    }

    /** The 2.17 driver turns the server's own timeout off for a statement with a timeout of its own: not this one. */
    @Test
    void aLongerTimeoutAskedByTheClientDoesNotLiftIt() throws SQLException {
        try (Connection jdbc = AnalystJdbc.signIn(node); Statement statement = jdbc.createStatement()) {
            statement.setQueryTimeout((int) Duration.ofHours(1).toSeconds());

            assertThatThrownBy(() -> statement.executeQuery(ENDLESS))
                    .isInstanceOf(SQLException.class).hasMessageContaining(CANCELLED)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(QUERY_CANCELED);
        }
    }

    @Test
    void theSystemsOwnQueriesAreNotHeldToIt() {
        RunningQueryManager queries = ((IgniteEx) node.ignite()).context().query().runningQueryManager();
        SqlFieldsQuery endless = new SqlFieldsQuery(OWN_ENDLESS);
        CompletableFuture<Object> own = CompletableFuture.supplyAsync(() -> {
            try (FieldsQueryCursor<List<?>> cursor = node.ignite().cache(GridNames.PRODUCT_CACHE).query(endless)) {
                return cursor.getAll();
            }
        });
        await().atMost(TestNode.DELIVERY).until(() -> ownQuery(queries) != null);
        GridRunningQueryInfo running = ownQuery(queries);

        // several timeouts, and as many rounds of the node's check, later it is still running
        await().during(TIMEOUT.multipliedBy(3)).atMost(TIMEOUT.multipliedBy(5))
                .until(() -> !own.isDone() && ownQuery(queries) == running);

        queries.cancelLocalQuery(running.id());
        assertThatThrownBy(own::join).hasRootCauseInstanceOf(QueryCancelledException.class);
    }

    private static GridRunningQueryInfo ownQuery(RunningQueryManager queries) {
        return queries.runningSqlQueries().stream().filter(query -> query.query().equals(OWN_ENDLESS))
                .findFirst().orElse(null);
    }
}
