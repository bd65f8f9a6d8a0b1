package com.stockoutradar.api;

/**
 * The answer to an acknowledged change: its id and the product's stock right after it.
 * {@code replayed} is true when the event id had been seen before and this is the first answer repeated.
 */
public record ChangeReceipt(long changeId, long productId, ChangeType type, long quantity, long timestamp,
                            long stock, boolean replayed) {
}
