package com.stockoutradar.grid.store;

/**
 * How far PostgreSQL is behind one node's share of the grid.
 *
 * @param rows        writes committed in the grid and not yet in PostgreSQL
 * @param seconds     age of the oldest of them
 * @param written     writes this node has delivered since it started
 * @param lastFailure why the last attempt failed, or null when it succeeded
 */
public record StoreLag(long rows, double seconds, long written, String lastFailure) {
}
