package com.stockoutradar.grid.risk;

import static com.stockoutradar.api.GridNames.LIVE_RISK_CACHE;
import static com.stockoutradar.api.GridNames.RISK_REFRESH_CACHE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.springframework.stereotype.Service;

import com.stockoutradar.api.AtRiskCounts;
import com.stockoutradar.api.AtRiskPage;
import com.stockoutradar.api.AtRiskProduct;
import com.stockoutradar.api.RiskClass;
import com.stockoutradar.api.RiskRefreshView;
import com.stockoutradar.compute.risk.AtRiskOrder;
import com.stockoutradar.compute.risk.AtRiskRow;
import com.stockoutradar.compute.risk.LiveSelection;
import com.stockoutradar.compute.risk.LiveSlice;
import com.stockoutradar.compute.risk.LiveSliceTask;
import com.stockoutradar.compute.risk.RiskRefreshRecord;

/**
 * Reads the products at risk now ({@code LIVE_RISK}, current as of each acknowledged change) from every server node's
 * risk ledger at once ({@link LiveSliceTask}), or, while a node's ledger is being built (after a node joined or left),
 * with SQL over the table; and the last refresh's record ({@code RISK_REFRESH}).
 */
@Service
public class AtRiskQueries {
    /** The orders by their API name; the default is the ranking. */
    public static final Set<String> SORTS = AtRiskOrder.sorts();
    private static final String COLUMNS = "pid, name, risk_class, stock, sales_7d, restocks_7d, velocity, projected, "
            + "daily_demand, trend, days_of_cover, stock_out_days, stock_out_date, stock_out_probability, "
            + "stock_out_days_p10, stock_out_days_p90, computed_at";

    /** Which rows, in which order. */
    public record Filter(RiskClass riskClass, String search, String sort, boolean descending) {
        public static final Filter RANKING = new Filter(null, null, "rank", false);
    }

    private final Ignite ignite;

    public AtRiskQueries(Ignite ignite) {
        this.ignite = ignite;
    }

    public Optional<RiskRefreshView> current() {
        List<List<?>> rows = ignite.cache(RISK_REFRESH_CACHE).query(new SqlFieldsQuery(
                "SELECT id FROM RISK_REFRESH WHERE is_current = TRUE")).getAll();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long id = (Long) rows.get(0).get(0);
        RiskRefreshRecord record = ignite.<Long, RiskRefreshRecord>cache(RISK_REFRESH_CACHE).get(id);
        return Optional.of(view(id, record));
    }

    Long currentRefreshId() {
        return current().map(RiskRefreshView::id).orElse(null);
    }

    /** The refresh that was current before refresh {@code id}, or null when there was none. */
    Long refreshBefore(long id) {
        Object before = ignite.cache(RISK_REFRESH_CACHE).query(new SqlFieldsQuery(
                "SELECT max(id) FROM RISK_REFRESH WHERE id < ?").setArgs(id)).getAll().get(0).get(0);
        return (Long) before;
    }

    public AtRiskPage page(Filter filter, int limit, int offset) {
        LiveSlice slice = slice(filter, (int) Math.min(Integer.MAX_VALUE, (long) offset + limit));
        if (slice.built()) {
            return new AtRiskPage(current().orElse(null), slice.counts(), slice.matching(), limit, offset,
                    slice.products(offset));
        }
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        AtRiskCounts counts = countsInTable();
        long total = total(counts, filter, where, args);
        args.add(limit);
        args.add(offset);
        List<AtRiskProduct> products = new ArrayList<>();
        long[] rank = {offset};
        query("SELECT " + COLUMNS + " FROM LIVE_RISK" + where + orderBy(filter) + " LIMIT ? OFFSET ?", args,
                row -> products.add(product(++rank[0], row)));
        return new AtRiskPage(current().orElse(null), counts, total, limit, offset, products);
    }

    /** Every matching product at risk now, in order. */
    public void each(Filter filter, Consumer<AtRiskProduct> sink) {
        LiveSlice slice = slice(filter, Integer.MAX_VALUE);
        if (slice.built()) {
            slice.products(0).forEach(sink);
            return;
        }
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        long[] rank = {0};
        query("SELECT " + COLUMNS + " FROM LIVE_RISK" + where + orderBy(filter), args,
                row -> sink.accept(product(++rank[0], row)));
    }

    private LiveSlice slice(Filter filter, int first) {
        return ignite.compute(ignite.cluster().forServers()).execute(new LiveSliceTask(),
                new LiveSelection(filter.riskClass(), filter.search(), filter.sort(), filter.descending(), first));
    }

    /** One grouped count over the table's rows. */
    private AtRiskCounts countsInTable() {
        Map<String, Long> byClass = new HashMap<>();
        query("SELECT risk_class, COUNT(*) FROM LIVE_RISK GROUP BY risk_class", List.of(),
                row -> byClass.put((String) row.get(0), (Long) row.get(1)));
        return new AtRiskCounts(byClass.getOrDefault(RiskClass.OUT_OF_STOCK.name(), 0L),
                byClass.getOrDefault(RiskClass.SEED_RULE.name(), 0L),
                byClass.getOrDefault(RiskClass.TRENDING.name(), 0L));
    }

    /** Only a search needs counting rows again. */
    private long total(AtRiskCounts counts, Filter filter, String where, List<Object> args) {
        if (filter.search() == null || filter.search().isBlank()) {
            return counts.atRisk(filter.riskClass());
        }
        return (Long) ignite.cache(LIVE_RISK_CACHE).query(new SqlFieldsQuery("SELECT COUNT(*) FROM LIVE_RISK" + where)
                .setArgs(args.toArray())).getAll().get(0).get(0);
    }

    private void query(String sql, List<Object> args, Consumer<List<?>> rows) {
        try (FieldsQueryCursor<List<?>> cursor = ignite.cache(LIVE_RISK_CACHE).query(
                new SqlFieldsQuery(sql).setArgs(args.toArray()).setLazy(true))) {
            cursor.forEach(rows);
        }
    }

    private static String where(Filter filter, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (filter.riskClass() != null) {
            conditions.add("risk_class = ?");
            args.add(filter.riskClass().name());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            String search = filter.search().trim();
            StringBuilder condition = new StringBuilder("(LOWER(name) LIKE ?");
            args.add("%" + search.toLowerCase() + "%");
            if (search.matches("\\d{1,18}")) {
                condition.append(" OR pid = ?");
                args.add(Long.parseLong(search));
            }
            conditions.add(condition.append(')').toString());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * The chosen column first, then the ranking: earliest stock-out, lowest projected stock, product id. The ranking
     * is the order of {@code LIVE_RISK_RANKING_IDX}, and within a class of {@code LIVE_RISK_CLASS_RANKING_IDX}, so
     * its pages come off an index without sorting the table's rows. Within a class the order names the class too,
     * though it is one value: H2 reads an index in order only when the order starts with the index's first column.
     */
    public static String orderBy(Filter filter) {
        String column = AtRiskOrder.column(filter.sort());
        if (column.equals("rank_days") && !filter.descending()) {
            return filter.riskClass() == null ? " ORDER BY rank_days, projected, pid"
                    : " ORDER BY risk_class, rank_days, projected, pid";
        }
        String direction = filter.descending() ? " DESC" : " ASC";
        String nulls = filter.descending() ? " NULLS FIRST" : " NULLS LAST";
        return " ORDER BY " + column + direction + nulls + ", rank_days, projected, pid";
    }

    private static AtRiskProduct product(long rank, List<?> row) {
        return new AtRiskProduct(rank, (Long) row.get(0), (String) row.get(1), RiskClass.valueOf((String) row.get(2)),
                (Long) row.get(3), (Long) row.get(4), (Long) row.get(5), (Long) row.get(6), (Long) row.get(7),
                (Double) row.get(8), (Double) row.get(9), (Double) row.get(10), (Double) row.get(11),
                (Long) row.get(12), (Double) row.get(13),
                AtRiskRow.stockOutDate((Double) row.get(14), (Long) row.get(16)),
                AtRiskRow.stockOutDate((Double) row.get(15), (Long) row.get(16)));
    }

    static RiskRefreshView view(long id, RiskRefreshRecord r) {
        return new RiskRefreshView(id, r.computedAt(), r.startedAt(), r.durationMillis(), r.threshold(),
                r.horizonDays(), r.productsScanned(), r.productsAssessed(), r.changesScanned(), r.outOfStock(),
                r.seedRule(), r.trending(), r.nodes());
    }
}
