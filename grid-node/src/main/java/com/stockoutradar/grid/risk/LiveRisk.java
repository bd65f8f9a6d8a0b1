package com.stockoutradar.grid.risk;

import static com.stockoutradar.api.GridNames.LIVE_RISK_CACHE;
import static com.stockoutradar.api.GridNames.RISK_REVIEW_CACHE;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

import com.stockoutradar.compute.risk.Assessment;
import com.stockoutradar.compute.risk.AtRiskRow;
import com.stockoutradar.compute.risk.DemandHistory;
import com.stockoutradar.compute.risk.NextReview;
import com.stockoutradar.compute.risk.ProductAssessor;
import com.stockoutradar.compute.risk.RiskModel;
import com.stockoutradar.compute.risk.RiskParameters;
import com.stockoutradar.grid.inventory.Product;

/**
 * Keeps {@code LIVE_RISK} current as products change: every transaction that writes products calls {@link #update}
 * before it commits, with each product's final state, so that a product that goes out of stock (or is restocked) is
 * on (or off) the list the moment the change is acknowledged. The row lives in the product's partition and cache
 * group, so the transaction involves no other node.
 * <p>
 * It assesses as of the writer's clock, and puts in {@code RISK_REVIEW}, in the same transaction, when the product's
 * numbers next change by time alone ({@link NextReview}): a sale leaving the 7-day window, the forecast moving with
 * the clock. {@link RiskReviewer} calls it again then.
 */
public final class LiveRisk {
    /** Node attributes carrying the risk settings, so that writers on any node assess as the refresh does. */
    public static final String THRESHOLD_ATTRIBUTE = "radar.risk.threshold";
    public static final String HORIZON_DAYS_ATTRIBUTE = "radar.risk.horizon-days";
    public static final String STOCK_OUT_LEVEL_ATTRIBUTE = "radar.risk.stock-out-level";

    private final Ignite ignite;
    private final IgniteCache<Long, AtRiskRow> live;
    private final IgniteCache<Long, RiskReview> reviews;
    private final long threshold;
    private final int horizonDays;
    private final double stockOutLevel;

    private LiveRisk(Ignite ignite) {
        this.ignite = ignite;
        this.live = ignite.cache(LIVE_RISK_CACHE);
        this.reviews = ignite.cache(RISK_REVIEW_CACHE);
        this.threshold = ignite.cluster().localNode().<Long>attribute(THRESHOLD_ATTRIBUTE);
        this.horizonDays = ignite.cluster().localNode().<Integer>attribute(HORIZON_DAYS_ATTRIBUTE);
        this.stockOutLevel = ignite.cluster().localNode().<Double>attribute(STOCK_OUT_LEVEL_ATTRIBUTE);
    }

    /** This node's; shared by every writer that runs here. */
    public static LiveRisk on(Ignite ignite) {
        return (LiveRisk) ignite.cluster().nodeLocalMap()
                .computeIfAbsent(LiveRisk.class.getName(), key -> new LiveRisk(ignite));
    }

    /** Products written by a transaction that has none of its own changes of them in the index yet. */
    public void update(Map<Long, Product> products, long now) {
        update(products, now, pid -> ProductAssessor.Uncommitted.NONE);
    }

    /**
     * Puts or removes the rows of the products, and their next reviews, as assessed at {@code now} (unix s), inside
     * the caller's transaction: once per product, from its final state. {@code uncommitted} gives, per product, the
     * changes the transaction has written, which the lookup of the window's first day cannot see yet.
     */
    public void update(Map<Long, Product> products, long now, LongFunction<ProductAssessor.Uncommitted> uncommitted) {
        ProductAssessor assessor = new ProductAssessor(ignite,
                RiskParameters.asOf(now, threshold, horizonDays, stockOutLevel), false);
        Map<Long, AtRiskRow> atRisk = new TreeMap<>(); // sorted, as the products' locks were taken
        Set<Long> notAtRisk = new TreeSet<>();
        Map<Long, RiskReview> reviewed = new TreeMap<>();
        Set<Long> neverReviewed = new TreeSet<>();
        products.forEach((pid, product) -> {
            DemandHistory history = assessor.history(pid, product.demand(), uncommitted.apply(pid));
            Assessment assessment = RiskModel.assess(product.stock(), history, assessor.parameters());
            if (assessment.atRisk()) {
                atRisk.put(pid, new AtRiskRow(product.name(), assessment, now, product.version()));
            } else {
                notAtRisk.add(pid);
            }
            long reviewAt = NextReview.of(history, assessment, horizonDays);
            if (reviewAt == NextReview.NEVER) {
                neverReviewed.add(pid);
            } else {
                reviewed.put(pid, new RiskReview(reviewAt));
            }
        });
        live.putAll(atRisk);
        live.removeAll(notAtRisk);
        reviews.putAll(reviewed);
        reviews.removeAll(neverReviewed);
    }
}
