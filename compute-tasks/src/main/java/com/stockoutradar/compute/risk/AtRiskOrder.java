package com.stockoutradar.compute.risk;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.stockoutradar.api.AtRiskProduct;

/**
 * The orders the at-risk list can be read in, by their API name, as SQL columns of {@code LIVE_RISK} and as
 * comparators of the rows the {@link RiskLedger} holds: the chosen column (ascending with empty values last,
 * descending with them first, as SQL's {@code NULLS LAST} / {@code NULLS FIRST}), then the ranking.
 */
public final class AtRiskOrder {
    /** Earliest stock-out (never last), lowest projected stock, product id: the list's default order. */
    static final Comparator<AtRiskProduct> RANKING = Comparator.comparingDouble(AtRiskOrder::rankDays)
            .thenComparingLong(AtRiskProduct::projected).thenComparingLong(AtRiskProduct::productId);

    private record Column(String sql, Comparator<AtRiskProduct> ascending) {
    }

    private static final Map<String, Column> COLUMNS = Map.ofEntries(
            Map.entry("rank", new Column("rank_days", Comparator.comparingDouble(AtRiskOrder::rankDays))),
            Map.entry("productId", new Column("pid", Comparator.comparingLong(AtRiskProduct::productId))),
            Map.entry("name", column("name", AtRiskProduct::name)),
            Map.entry("riskClass", column("risk_class", product -> product.riskClass().name())),
            Map.entry("stock", new Column("stock", Comparator.comparingLong(AtRiskProduct::stock))),
            Map.entry("sales7d", new Column("sales_7d", Comparator.comparingLong(AtRiskProduct::sales7d))),
            Map.entry("restocks7d", new Column("restocks_7d", Comparator.comparingLong(AtRiskProduct::restocks7d))),
            Map.entry("velocity", new Column("velocity", Comparator.comparingLong(AtRiskProduct::velocity))),
            Map.entry("projected", new Column("projected", Comparator.comparingLong(AtRiskProduct::projected))),
            Map.entry("dailyDemand", new Column("daily_demand",
                    Comparator.comparingDouble(AtRiskProduct::dailyDemand))),
            Map.entry("trend", new Column("trend", Comparator.comparingDouble(AtRiskProduct::trend))),
            Map.entry("daysOfCover", column("days_of_cover", AtRiskProduct::daysOfCover)),
            Map.entry("stockOutDate", new Column("rank_days", Comparator.comparingDouble(AtRiskOrder::rankDays))));

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
    public static Comparator<AtRiskProduct> of(String sort, boolean descending) {
        Comparator<AtRiskProduct> column = COLUMNS.getOrDefault(sort, COLUMNS.get("rank")).ascending();
        return (descending ? column.reversed() : column).thenComparing(RANKING);
    }

    /** Days until stock-out, with never as the largest value: the {@code rank_days} column. */
    private static double rankDays(AtRiskProduct product) {
        return product.stockOutDays() == null ? Double.MAX_VALUE : product.stockOutDays();
    }

    private static <T extends Comparable<T>> Column column(String sql, Function<AtRiskProduct, T> value) {
        return new Column(sql, Comparator.comparing(value, Comparator.nullsLast(Comparator.naturalOrder())));
    }
}
