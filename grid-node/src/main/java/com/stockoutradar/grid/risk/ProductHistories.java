package com.stockoutradar.grid.risk;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.ignite.Ignite;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.springframework.stereotype.Service;

import com.stockoutradar.api.ChangeType;
import com.stockoutradar.api.ProductHistory;
import com.stockoutradar.compute.risk.Assessment;
import com.stockoutradar.compute.risk.AtRiskRow;
import com.stockoutradar.compute.risk.DemandForecast;
import com.stockoutradar.compute.risk.DemandHistory;
import com.stockoutradar.compute.risk.RiskModel;
import com.stockoutradar.compute.risk.RiskParameters;
import com.stockoutradar.compute.risk.StoredFields;

/**
 * One product's daily history from the grid and its forecast computed now, with the same model and parameters as
 * the refresh: what the product page draws.
 */
@Service
public class ProductHistories {
    private static final String CHANGES = """
            SELECT timestamp, type, quantity, stock_after FROM INVENTORY_CHANGE
            WHERE pid = ? AND timestamp > ? ORDER BY timestamp, id""";

    private final Ignite ignite;
    private final RiskProperties settings;
    private final Clock clock;

    public ProductHistories(Ignite ignite, RiskProperties settings, Clock clock) {
        this.ignite = ignite;
        this.settings = settings;
        this.clock = clock;
    }

    private record Change(long timestamp, ChangeType type, long quantity, long stockAfter) {
    }

    public Optional<ProductHistory> history(long productId, int days) {
        BinaryObject product = ignite.cache(PRODUCT_CACHE).<Long, BinaryObject>withKeepBinary().get(productId);
        if (product == null) {
            return Optional.empty();
        }
        long stock = product.<Long>field(StoredFields.PRODUCT_STOCK);
        long now = clock.instant().getEpochSecond();
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochSecond(now), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        long since = Math.min(first.atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1,
                DemandHistory.trendStart(now) - 1);
        List<Change> changes = changes(productId, since);

        DemandHistory demand = new DemandHistory(now);
        changes.forEach(c -> demand.add(c.type() == ChangeType.SALE, c.quantity(), c.timestamp()));
        RiskParameters parameters = settings.asOf(now);
        Assessment assessment = RiskModel.assess(stock, demand, parameters);
        return Optional.of(new ProductHistory(productId, product.field(StoredFields.PRODUCT_NAME), stock,
                days(changes, first, today, stock), forecast(assessment, parameters),
                projection(assessment, DemandForecast.of(demand), today)));
    }

    private List<Change> changes(long productId, long since) {
        SqlFieldsQuery query = new SqlFieldsQuery(CHANGES).setArgs(productId, since)
                .setPartitions(ignite.affinity(CHANGE_CACHE).partition(productId));
        return ignite.cache(CHANGE_CACHE).query(query).getAll().stream()
                .map(row -> new Change((Long) row.get(0), ChangeType.valueOf((String) row.get(1)), (Long) row.get(2),
                        (Long) row.get(3)))
                .toList();
    }

    /** Sales and restocks per UTC day, and the stock at each day's end (carried over days without changes). */
    private static List<ProductHistory.Day> days(List<Change> changes, LocalDate first, LocalDate today, long stock) {
        long firstSecond = first.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        Long opening = null;
        Map<LocalDate, long[]> byDay = new LinkedHashMap<>();
        for (Change c : changes) {
            if (c.timestamp() < firstSecond) {
                opening = c.stockAfter();
                continue;
            }
            if (opening == null) {
                opening = c.stockAfter() - c.type().apply(0, c.quantity());
            }
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(c.timestamp()), ZoneOffset.UTC);
            long[] totals = byDay.computeIfAbsent(day, d -> new long[3]);
            totals[c.type() == ChangeType.SALE ? 0 : 1] += c.quantity();
            totals[2] = c.stockAfter();
        }
        long closing = opening == null ? stock : opening;
        List<ProductHistory.Day> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            long[] totals = byDay.get(day);
            if (totals != null) {
                closing = totals[2];
            }
            days.add(new ProductHistory.Day(day, totals == null ? 0 : totals[0], totals == null ? 0 : totals[1],
                    closing));
        }
        return days;
    }

    private static ProductHistory.Forecast forecast(Assessment a, RiskParameters p) {
        return new ProductHistory.Forecast(p.now(), a.riskClass(), a.sales7d(), a.restocks7d(), a.velocity(),
                a.projected(), p.threshold(), p.horizonDays(), p.stockOutLevel(), a.dailyDemand(), a.trend(),
                a.daysOfCover(), a.stockOutDays(), AtRiskRow.stockOutDate(a.stockOutDays(), p.now()),
                a.stockOutProbability(), AtRiskRow.stockOutDate(a.stockOutDaysP10(), p.now()),
                AtRiskRow.stockOutDate(a.stockOutDaysP90(), p.now()));
    }

    /** Stock day by day from today until the forecast's mean demand runs it out, at most twice the horizon ahead. */
    private List<ProductHistory.Projection> projection(Assessment a, DemandForecast forecast, LocalDate today) {
        int days = 2 * settings.horizonDays();
        if (a.daysOfCover() != null) {
            days = (int) Math.min(days, Math.ceil(a.daysOfCover()));
        }
        List<ProductHistory.Projection> points = new ArrayList<>();
        for (int t = 0; t <= days; t++) {
            points.add(new ProductHistory.Projection(today.plusDays(t), a.stock() - forecast.mean(t)));
        }
        return points;
    }
}
