package com.stockoutradar.compute.risk;

/**
 * The committed changes of one product on one UTC day, as the window-start lookup reads them: what a refresh needs
 * when the 7-day window starts inside that day. Kept by the {@link RiskLedger} for the next refresh while the product
 * does not change.
 */
record DayOfChanges(long[] timestamps, long[] sales, long[] restocks) {

    /** Adds to the history's window the changes after its start, and the oldest of them as the next to leave it. */
    void addWindowShare(DemandHistory history) {
        for (int i = 0; i < timestamps.length; i++) {
            if (timestamps[i] > history.windowStart()) {
                history.addToWindow(sales[i], restocks[i]);
                history.changedInWindowAt(timestamps[i]);
            }
        }
    }
}
