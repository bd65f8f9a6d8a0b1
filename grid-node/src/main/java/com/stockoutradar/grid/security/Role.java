package com.stockoutradar.grid.security;

/** What a person or a machine may do; operators name these in {@code radar.security.*.roles}. */
public enum Role {
    /** Record sales and restocks: {@code POST /sale}, {@code /restock}, {@code /sales}. */
    INGEST,
    /** Set stock and import the catalogue: {@code PUT /inventory/{id}}, {@code POST /inventory/import}. */
    INVENTORY,
    /** Read: dashboard pages, {@code GET /api/**}, {@code GET /inventory/**}, the CSV. */
    VIEWER,
    /** Run risk refreshes and backtests ({@code POST /api/risk/refresh}, {@code POST /api/backtest}). */
    OPERATOR,
    /** Sign in to the thin JDBC/client port and read every table; never write. */
    ANALYST,
    /** Read the metrics at {@code /actuator/prometheus}: a scraper's API key, which needs nothing else. */
    METRICS,
    /** Everything, and the actuator endpoints beyond health. */
    ADMIN
}
