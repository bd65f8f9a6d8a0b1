package com.stockoutradar.api;

/** One stored inventory change as the API shows it. */
public record ChangeView(long changeId, long productId, ChangeType type, long quantity, long timestamp,
                         Long customerId, String eventId, long stockAfter) {
}
