package com.stockoutradar.grid.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongUnaryOperator;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stockoutradar.compute.risk.DemandDays;
import com.stockoutradar.compute.risk.RiskParameters;
import com.stockoutradar.grid.ScheduledWork;

/**
 * One of the summaries' sweeps ({@link SummarySweeps}). Rows fall due only when the UTC day turns, so a node reads
 * each of its primary partitions once a day, after midnight, and again only when its partitions change; the tables
 * keep no index by day for it, which every sale would pay for.
 */
public final class SummarySweep extends ScheduledWork {
    private static final Logger log = LoggerFactory.getLogger(SummarySweep.class);
    /** Rows a round takes: one short transaction's worth. */
    static final int BATCH = 1_000;

    /** What a sweep does to a batch of due rows (the due query's columns). */
    @FunctionalInterface
    interface Handler {
        void handle(List<List<?>> rows, long now);
    }

    /** The day swept and the primary partitions it was swept for. */
    private record Swept(long day, int[] partitions) {
        boolean same(Swept other) {
            return other != null && day == other.day && Arrays.equals(partitions, other.partitions);
        }
    }

    private final String name;
    private final String cache;
    private final String dueQuery;
    private final LongUnaryOperator dueSince;
    private final Handler handler;
    private final long settleSeconds;
    private volatile Swept swept;

    /**
     * @param dueQuery a query of {@code cache}'s table with one parameter, {@code dueSince} of the sweep's time
     */
    SummarySweep(Ignite ignite, String name, String cache, String dueQuery, long everyMillis,
                 LongUnaryOperator dueSince, Handler handler) {
        super(ignite, name, everyMillis);
        this.name = name;
        this.cache = cache;
        this.dueQuery = dueQuery;
        this.dueSince = dueSince;
        this.handler = handler;
        // a transaction that read the clock before midnight writes yesterday's rows until it commits or times out
        this.settleSeconds = ignite.configuration().getTransactionConfiguration().getDefaultTxTimeout() / 1000 + 60;
    }

    @Override
    protected void runOnce() {
        sweepIfDue(System.currentTimeMillis() / 1000);
    }

    /** Sweeps unless this node has swept its partitions as they are since the day of {@code now} settled. */
    boolean sweepIfDue(long now) {
        Swept current = new Swept(DemandDays.dayOf(now), primaryPartitions());
        if (current.same(swept)) {
            return false;
        }
        long handled = sweep(now);
        if (handled > 0) {
            log.info("{}: {} rows", name, handled);
        }
        if (now % RiskParameters.DAY >= settleSeconds) {
            swept = current;
        }
        return true;
    }

    /** Handles this node's rows due as of {@code now}, one primary partition after the other; returns how many. */
    public long sweep(long now) {
        long handled = 0;
        for (int partition : primaryPartitions()) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            // a partition's due keys at once (a day's worth of its rows), handled after the read ends
            SqlFieldsQuery query = new SqlFieldsQuery(dueQuery).setArgs(dueSince.applyAsLong(now)).setLocal(true)
                    .setPartitions(partition);
            List<List<?>> due = ignite.cache(cache).query(query).getAll();
            for (int from = 0; from < due.size(); from += BATCH) {
                handler.handle(new ArrayList<>(due.subList(from, Math.min(due.size(), from + BATCH))), now);
            }
            handled += due.size();
        }
        return handled;
    }

    private int[] primaryPartitions() {
        return ignite.affinity(cache).primaryPartitions(ignite.cluster().localNode());
    }
}
