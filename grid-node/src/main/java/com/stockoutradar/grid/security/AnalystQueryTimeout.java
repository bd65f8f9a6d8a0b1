package com.stockoutradar.grid.security;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.ignite.Ignite;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.query.running.GridRunningQueryInfo;
import org.apache.ignite.internal.processors.query.running.RunningQueryManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.GridProperties;
import com.stockoutradar.grid.ScheduledWork;

/**
 * Cancels every SQL query an analyst (a user signed in on the thin-client/JDBC port) has had running on this node for
 * longer than {@code radar.grid.analyst-query-timeout}; the analyst gets Ignite's "The query was cancelled while
 * executing" (SQLState 57014).
 * <p>
 * The node enforces it itself, because Ignite's own timeout cannot be held against a client: the 2.17 JDBC driver
 * switches the server's timeout off for any statement with {@code Statement.setQueryTimeout} (and times it on the
 * client instead), and {@code SqlConfiguration.setDefaultQueryTimeout} would hold the system's own queries to it too.
 * Ignite registers a query, under the subject that runs it, on the node that reduces it: the node the analyst is
 * connected to. Cancelling it there cancels its map phases on the other nodes. Runs on every node, client nodes
 * included, since each serves the port.
 */
@Component
public class AnalystQueryTimeout extends ScheduledWork {
    private static final Logger log = LoggerFactory.getLogger(AnalystQueryTimeout.class);

    private final Duration timeout;
    /** Analysts' names by subject id: Ignite records the id with each running query. */
    private final Map<Object, String> analysts;
    /** Queries cancelled and not yet gone: each is logged once. */
    private final Set<Long> cancelled = new HashSet<>();

    public AnalystQueryTimeout(Ignite ignite, GridProperties grid, Accounts accounts) {
        // looks ten times a timeout, at most once a second: a query overruns by a tenth of it, or a second at most
        super(ignite, "analyst-query-timeout",
                Math.max(20, Math.min(1_000, grid.analystQueryTimeout().toMillis() / 10)));
        this.timeout = grid.analystQueryTimeout();
        this.analysts = accounts.people().stream().filter(account -> account.may(Role.ANALYST))
                .map(Account::name)
                .collect(Collectors.toUnmodifiableMap(GridSubject::analystId, Function.identity()));
    }

    @Override
    protected void runOnce() {
        RunningQueryManager queries = ((IgniteEx) ignite).context().query().runningQueryManager();
        long startedBefore = System.currentTimeMillis() - timeout.toMillis();
        Set<Long> running = new HashSet<>();
        for (GridRunningQueryInfo query : queries.runningSqlQueries()) {
            running.add(query.id());
            String analyst = analysts.get(query.subjectId());
            if (analyst != null && query.startTime() <= startedBefore && query.cancelable()) {
                if (cancelled.add(query.id())) {
                    log.warn("Cancelled a query of analyst {} that ran longer than {} "
                            + "(radar.grid.analyst-query-timeout): {}", analyst, timeout, query.query());
                }
                query.cancel();
            }
        }
        cancelled.retainAll(running);
    }
}
