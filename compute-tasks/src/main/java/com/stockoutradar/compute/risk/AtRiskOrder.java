package com.stockoutradar.compute.risk;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;


/**
 * The orders the at-risk list can be read in, by their API name, as SQL columns of {@code LIVE_RISK} and as
 * comparators of the rows the {@link RiskLedger} holds: the chosen column (ascending with empty values last,
 * descending with them first, as SQL's {@code NULLS LAST} / {@code NULLS FIRST}), then the ranking. Comparators here
 * are written out rather than chained: a page compares every row held, and chained lambdas cost several times more
 * per comparison.
 */
public final class AtRiskOrder {
    /** Earliest stock-out (never last), lowest projected stock, product id: the list's default order. */
    static final Comparator<LiveRow> RANKING = (a, b) -> {
        int order = compare(a.rankDays, b.rankDays);
        if (order == 0) {
            order = Long.compare(a.projected, b.projected);
        }
        return order != 0 ? order : Long.compare(a.pid, b.pid);
    };

    private record Column(String sql, Comparator<LiveRow> ascending) {
    }

    private static final Map<String, Column> COLUMNS = Map.ofEntries(
            Map.entry("rank", new Column("rank_days", (a, b) -> compare(a.rankDays, b.rankDays))),
            Map.entry("productId", new Column("pid", (a, b) -> Long.compare(a.pid, b.pid))),
            Map.entry("name", new Column("name", (a, b) -> nullsLast(a.name, b.name))),
            Map.entry("riskClass", new Column("risk_class", (a, b) -> a.riskClass.name()
                    .compareTo(b.riskClass.name()))),
            Map.entry("stock", new Column("stock", (a, b) -> Long.compare(a.stock, b.stock))),
            Map.entry("sales7d", new Column("sales_7d", (a, b) -> Long.compare(a.sales7d, b.sales7d))),
            Map.entry("restocks7d", new Column("restocks_7d", (a, b) -> Long.compare(a.restocks7d, b.restocks7d))),
            Map.entry("velocity", new Column("velocity", (a, b) -> Long.compare(a.velocity, b.velocity))),
            Map.entry("projected", new Column("projected", (a, b) -> Long.compare(a.projected, b.projected))),
            Map.entry("dailyDemand", new Column("daily_demand",
                    (a, b) -> compare(a.dailyDemand, b.dailyDemand))),
            Map.entry("trend", new Column("trend", (a, b) -> compare(a.trend, b.trend))),
            Map.entry("daysOfCover", new Column("days_of_cover", (a, b) -> nanLast(a.daysOfCover, b.daysOfCover))),
            Map.entry("stockOutDate", new Column("rank_days", (a, b) -> compare(a.rankDays, b.rankDays))),
            Map.entry("stockOutProbability", new Column("stock_out_probability",
                    (a, b) -> compare(a.stockOutProbability, b.stockOutProbability))));

    private AtRiskOrder() {
    }

    /** The API names of the orders. */
    public static Set<String> sorts() {
        return COLUMNS.keySet();
    }

    /** The column of {@code LIVE_RISK} an order sorts by; the ranking's for an unknown name. */
    public static String column(String sort) {
        return COLUMNS.getOrDefault(sort, COLUMNS.get("rank")).sql();
    }

    /** The whole order of the rows: the column's, then the ranking. */
    static Comparator<LiveRow> of(String sort, boolean descending) {
        Comparator<LiveRow> column = COLUMNS.getOrDefault(sort, COLUMNS.get("rank")).ascending();
        int direction = descending ? -1 : 1;
        return (a, b) -> {
            int order = direction * column.compare(a, b);
            return order != 0 ? order : RANKING.compare(a, b);
        };
    }

    /** Empty values after every other, as SQL's {@code NULLS LAST}. */
    private static int nullsLast(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return a.compareTo(b);
    }

    /** As SQL compares numbers: unlike {@link Double#compare}, -0.0 (a slope shrunk to nothing) equals 0.0. */
    private static int compare(double a, double b) {
        return a < b ? -1 : a > b ? 1 : 0;
    }

    /** Empty (NaN) numbers after every other. */
    private static int nanLast(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) ? (Double.isNaN(b) ? 0 : 1) : -1;
        }
        return compare(a, b);
    }
}
