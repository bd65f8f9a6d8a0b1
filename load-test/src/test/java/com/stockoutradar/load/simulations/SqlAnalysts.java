package com.stockoutradar.load.simulations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.stockoutradar.load.AnalystQuery;

/**
 * Analysts at their SQL tools while a simulation runs: {@code sqlAnalysts} of them (12 by default, 0 for none), each
 * with a thin JDBC connection of its own to {@code igniteJdbc}, signed in as {@code user}, running every query of
 * {@code docs/analysts.md} (read at start, as the document is then; {@code analystsDoc} names another copy) in turn,
 * back to back, each from another query. The queries are blocking JDBC calls, so each analyst is a thread of its own,
 * outside Gatling's event loop; they start in the simulation's {@code before()} and stop in its {@code after()}, which
 * prints per query how many ran, failed or were cancelled by the node, and their response times.
 */
final class SqlAnalysts {
    static final int COUNT = Integer.getInteger("sqlAnalysts", 12);
    private static final String DOCUMENT = System.getProperty("analystsDoc", "../docs/analysts.md");
    /** What the thin driver reports for a query the node cancelled (radar.grid.analyst-query-timeout). */
    private static final String QUERY_CANCELED = "57014";

    private final List<AnalystQuery> queries;
    private final Map<String, Latencies> latencies = new LinkedHashMap<>();
    private final Map<String, AtomicLong> cancelled = new ConcurrentHashMap<>();
    /** The first failure of each query, other than a cancellation by the node. */
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failed = new ConcurrentHashMap<>();
    private final List<Analyst> analysts = new ArrayList<>();
    private volatile boolean running;

    SqlAnalysts() {
        try {
            queries = COUNT == 0 ? List.of() : AnalystQuery.readAll(Path.of(DOCUMENT));
        } catch (IOException e) {
            throw new UncheckedIOException("the analysts' queries are read from " + DOCUMENT + " (-DanalystsDoc)", e);
        }
        queries.forEach(query -> {
            latencies.put(query.name(), new Latencies());
            cancelled.put(query.name(), new AtomicLong());
            failed.put(query.name(), new AtomicLong());
        });
    }

    /** Signs every analyst in and sets them going. */
    void start() {
        running = true;
        for (int i = 0; i < COUNT; i++) {
            Analyst analyst = new Analyst(i);
            analysts.add(analyst);
            analyst.start();
        }
    }

    /**
     * Stops the analysts: a query in flight is cancelled (and not counted), then prints what they did. A query that
     * failed for another reason than the node's timeout fails the run.
     */
    void stop() {
        running = false;
        for (Analyst analyst : analysts) {
            analyst.cancel();
        }
        for (Analyst analyst : analysts) {
            try {
                analyst.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (COUNT == 0) {
            System.out.println("SQL analysts: none (-DsqlAnalysts=0)");
            return;
        }
        System.out.printf("SQL analysts: %d, each running the %d queries of %s in turn%n", COUNT, queries.size(),
                DOCUMENT);
        latencies.forEach((name, times) -> System.out.printf("  %-26s %s; failed %d, cancelled by the node %d%n",
                name, times.summary(), failed.get(name).get(), cancelled.get(name).get()));
        if (!failures.isEmpty()) {
            throw new IllegalStateException("analysts' queries failed: " + failures);
        }
    }

    /** One analyst: a connection, and the queries one after another, starting at its own. */
    private final class Analyst extends Thread {
        private final int number;
        private volatile PreparedStatement current;

        Analyst(int number) {
            super("sql-analyst-" + number);
            this.number = number;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (Connection jdbc = DriverManager.getConnection(System.getProperty("igniteJdbc"), LoadSettings.user(),
                    LoadSettings.password())) {
                for (int next = number; running; next++) {
                    ask(jdbc, queries.get(next % queries.size()));
                }
            } catch (SQLException e) {
                failures.putIfAbsent("sign-in", e.toString());
            }
        }

        private void ask(Connection jdbc, AnalystQuery query) {
            long started = System.nanoTime();
            try (PreparedStatement statement = query.prepare(jdbc, LoadSettings.now(), LoadSettings.product())) {
                current = statement;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        // an analyst's tool reads every row
                    }
                }
                latencies.get(query.name()).add((System.nanoTime() - started) / 1_000_000);
            } catch (SQLException e) {
                if (!running) {
                    return; // cancelled by stop()
                }
                if (QUERY_CANCELED.equals(e.getSQLState())) {
                    cancelled.get(query.name()).incrementAndGet();
                } else {
                    failed.get(query.name()).incrementAndGet();
                    failures.putIfAbsent(query.name(), e.toString());
                }
            } finally {
                current = null;
            }
        }

        void cancel() {
            PreparedStatement statement = current;
            if (statement != null) {
                try {
                    statement.cancel();
                } catch (SQLException e) {
                    // it ended meanwhile
                }
            }
        }
    }
}
