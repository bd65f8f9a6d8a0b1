package com.stockoutradar.grid.security;

import static com.stockoutradar.grid.security.AnalystJdbc.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.QueryCancelledException;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.query.GridQueryFinishedInfo;
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
 * {@code radar.grid.analyst-query-timeout} and {@code analyst-query-threads} on a real node: an analyst's query that
 * runs longer is cancelled by the node, whatever the client asked for, the node goes on serving, and the system's own
 * queries are not held to it; with one thread the analysts' queries run one after the other.
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

    /** Where the queries run that the tests wait on: each on a thread of its own. */
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private TestNode node;
    private long product;

    @BeforeAll
    void nodeWithAShortAnalystTimeout() {
        node = TestNode.start(Map.of("radar.grid.analyst-query-timeout", TIMEOUT.toString(),
                "radar.grid.analyst-query-threads", 1));
        product = node.newProduct(STOCK);
    }

    @AfterAll
    void stopNode() {
        threads.shutdownNow();
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
    void withOneThreadTwoAnalystsQueriesRunOneAfterTheOther() throws SQLException {
        String endless = ENDLESS + " WHERE r.x > 0"; // this test's own text, to find its queries by
        List<GridQueryFinishedInfo> finished = new CopyOnWriteArrayList<>();
        Consumer<GridQueryFinishedInfo> listener = query -> {
            if (query.query().equals(endless)) {
                finished.add(query);
            }
        };
        queries().registerQueryFinishedListener(listener);
        try (Connection first = AnalystJdbc.signIn(node); Connection second = AnalystJdbc.signIn(node)) {
            List<CompletableFuture<String>> answers = List.of(sqlStateOf(first, endless), sqlStateOf(second, endless));

            assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).isEqualTo(QUERY_CANCELED));
            await().atMost(TestNode.DELIVERY).until(() -> finished.size() == 2);
        } finally {
            queries().unregisterQueryFinishedListener(listener);
        }
        List<GridQueryFinishedInfo> inOrder = finished.stream()
                .sorted(Comparator.comparingLong(GridQueryFinishedInfo::startTime)).toList();
        assertThat(inOrder.get(1).startTime()).as("the second started once the first had ended")
                .isGreaterThanOrEqualTo(inOrder.get(0).finishTime());
    }

    @Test
    void theSystemsOwnQueriesAreNotHeldToIt() {
        RunningQueryManager queries = queries();
        SqlFieldsQuery endless = new SqlFieldsQuery(OWN_ENDLESS);
        CompletableFuture<Object> own = CompletableFuture.supplyAsync(() -> {
            try (FieldsQueryCursor<List<?>> cursor = node.ignite().cache(GridNames.PRODUCT_CACHE).query(endless)) {
                return cursor.getAll();
            }
        }, threads);
        await().atMost(TestNode.DELIVERY).until(() -> ownQuery(queries) != null);
        GridRunningQueryInfo running = ownQuery(queries);

        // several timeouts, and as many rounds of the node's check, later it is still running
        await().during(TIMEOUT.multipliedBy(3)).atMost(TIMEOUT.multipliedBy(5))
                .until(() -> !own.isDone() && ownQuery(queries) == running);

        queries.cancelLocalQuery(running.id());
        assertThatThrownBy(own::join).hasRootCauseInstanceOf(QueryCancelledException.class);
    }

    private RunningQueryManager queries() {
        return ((IgniteEx) node.ignite()).context().query().runningQueryManager();
    }

    /** Runs the query on a thread of its own: the SQLState it failed with, or null when it was answered. */
    private CompletableFuture<String> sqlStateOf(Connection jdbc, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                rows(jdbc, sql);
                return null;
            } catch (SQLException e) {
                return e.getSQLState();
            }
        }, threads);
    }

    private static GridRunningQueryInfo ownQuery(RunningQueryManager queries) {
        return queries.runningSqlQueries().stream().filter(query -> query.query().equals(OWN_ENDLESS))
                .findFirst().orElse(null);
    }
}
