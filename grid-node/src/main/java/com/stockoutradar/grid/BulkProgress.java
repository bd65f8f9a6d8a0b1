package com.stockoutradar.grid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Progress of a bulk load in the log: every few seconds rows, percent (when the total is known) and rows/s. */
public final class BulkProgress {
    private static final Logger log = LoggerFactory.getLogger(BulkProgress.class);
    private static final long EVERY_MILLIS = 5_000;

    private final String what;
    private final long total;
    private final long started = System.currentTimeMillis();
    private long lastReport = started;
    private long rows;

    /** {@code total} 0 when unknown. */
    public BulkProgress(String what, long total) {
        this.what = what;
        this.total = total;
        log.info("{}: {} rows to load", what, total > 0 ? total : "unknown number of");
    }

    public void step() {
        rows++;
        long now = System.currentTimeMillis();
        if (now - lastReport >= EVERY_MILLIS) {
            lastReport = now;
            report(now);
        }
    }

    public void done() {
        log.info("{}: loaded {} rows in {} ms", what, rows, System.currentTimeMillis() - started);
    }

    private void report(long now) {
        long rate = rows * 1000 / Math.max(1, now - started);
        if (total > 0) {
            log.info("{}: {} of {} rows ({}%), {} rows/s", what, rows, total, rows * 100 / total, rate);
        } else {
            log.info("{}: {} rows, {} rows/s", what, rows, rate);
        }
    }
}
