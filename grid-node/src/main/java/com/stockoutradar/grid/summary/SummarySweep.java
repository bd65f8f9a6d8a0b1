package com.stockoutradar.grid.summary;

import java.util.List;
import java.util.function.LongUnaryOperator;

import org.apache.ignite.Ignite;

import com.stockoutradar.grid.PrimaryPartitionSweep;

/** One of the summaries' sweeps ({@link SummarySweeps}): its due query, when rows are due, what it does to them. */
public final class SummarySweep extends PrimaryPartitionSweep {
    /** Rows a round takes: one short transaction's worth. */
    static final int BATCH = 1_000;

    /** What a sweep does to a batch of due rows (the due query's columns). */
    @FunctionalInterface
    interface Handler {
        void handle(List<List<?>> rows, long now);
    }

    private final LongUnaryOperator dueSince;
    private final Handler handler;

    SummarySweep(Ignite ignite, String name, String cache, String dueQuery, long everyMillis,
                 LongUnaryOperator dueSince, Handler handler) {
        super(ignite, name, cache, dueQuery + " LIMIT " + BATCH, everyMillis);
        this.dueSince = dueSince;
        this.handler = handler;
    }

    @Override
    protected long dueSince(long now) {
        return dueSince.applyAsLong(now);
    }

    @Override
    protected void handle(List<List<?>> rows, long now) {
        handler.handle(rows, now);
    }
}
