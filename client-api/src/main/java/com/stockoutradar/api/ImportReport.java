package com.stockoutradar.api;

/** The answer to a product CSV import: how many products were created or set, and how long it took. */
public record ImportReport(long rows, long millis) {
}
