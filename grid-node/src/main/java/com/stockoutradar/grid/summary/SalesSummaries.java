package com.stockoutradar.grid.summary;

import static com.stockoutradar.api.GridNames.CUSTOMER_DAY_CACHE;
import static com.stockoutradar.api.GridNames.CUSTOMER_WEEK_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_DAY_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_WEEK_CACHE;
import static com.stockoutradar.api.GridNames.STOCK_OUT_CACHE;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;

import com.stockoutradar.api.ChangeType;
import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.compute.risk.DemandDays;
import com.stockoutradar.grid.inventory.Product;

/**
 * The analysts' summary tables, kept by the transactions that record changes: per product and UTC day
 * ({@code PRODUCT_DAY}), per product its week and the week before ({@code PRODUCT_WEEK}), and the same per customer
 * ({@code CUSTOMER_DAY}, {@code CUSTOMER_WEEK}), and each stock-out with the first restock after it
 * ({@code STOCK_OUT}). A product's rows are written from the days its own entry keeps
 * ({@link DemandDays}) under the product's lock, a customer's from its {@code CUSTOMER_WEEK} entry under that entry's
 * lock, so each row is exact as soon as the change commits, the current day included.
 */
public final class SalesSummaries {
    private final Ignite ignite;
    private final IgniteCache<Long, Product> products;
    private final IgniteCache<ProductDayKey, ProductDay> productDays;
    private final IgniteCache<Long, ProductWeek> productWeeks;
    private final IgniteCache<CustomerDayKey, CustomerDay> customerDays;
    private final IgniteCache<Long, CustomerWeek> customerWeeks;
    private final IgniteCache<InventoryChangeKey, StockOut> stockOuts;

    private SalesSummaries(Ignite ignite) {
        this.ignite = ignite;
        this.products = ignite.cache(PRODUCT_CACHE);
        this.productDays = ignite.cache(PRODUCT_DAY_CACHE);
        this.productWeeks = ignite.cache(PRODUCT_WEEK_CACHE);
        this.customerDays = ignite.cache(CUSTOMER_DAY_CACHE);
        this.customerWeeks = ignite.cache(CUSTOMER_WEEK_CACHE);
        this.stockOuts = ignite.cache(STOCK_OUT_CACHE);
    }

    /** This node's summaries; one per node. */
    public static SalesSummaries on(Ignite ignite) {
        return (SalesSummaries) ignite.cluster().nodeLocalMap()
                .computeIfAbsent(SalesSummaries.class.getName(), key -> new SalesSummaries(ignite));
    }

    /**
     * Inside an ingestion transaction, after its products are locked: locks the buyers' entries, in sorted order as
     * every transaction takes them, and collects what the batch changes.
     */
    public SummaryBatch begin(Set<Long> buyers, long now) {
        return new SummaryBatch(buyers.isEmpty() ? Map.of() : customerWeeks.getAll(new TreeSet<>(buyers)), now);
    }

    /** Writes the batch's rows, in its transaction; {@code updated} holds each changed product's final state. */
    public void write(SummaryBatch batch, Map<Long, Product> updated) {
        long today = DemandDays.dayOf(batch.now());
        long firstKept = DemandDays.dayOf(DemandDays.keptSince(batch.now()));
        Map<ProductDayKey, ProductDay> days = new TreeMap<>();
        batch.productDays().forEach((pid, touched) -> {
            long[] demand = updated.get(pid).demand();
            for (long day : touched) {
                if (day >= firstKept) {
                    days.put(new ProductDayKey(pid, day), ProductDay.of(demand, day));
                }
            }
            putOrRemove(productWeeks, pid, ProductWeek.asOf(demand, today));
        });
        productDays.putAll(days);
        Map<CustomerDayKey, CustomerDay> bought = new TreeMap<>();
        batch.customerDays().forEach((customer, touched) -> {
            long[] held = batch.daysOf(customer);
            for (long day : touched) {
                if (day >= firstKept) {
                    bought.put(new CustomerDayKey(customer, day), CustomerDay.of(held, day));
                }
            }
            putOrRemove(customerWeeks, customer, CustomerWeek.asOf(held, today));
        });
        customerDays.putAll(bought);
    }

    /**
     * In the transaction that applies {@code change} to a locked product: a stock-out row when it took the stock from
     * above zero to zero or below, the restock time on the stock-out awaiting one when it is a restock. Returns the
     * product {@code after} the change, with the stock-out it now awaits a restock for.
     */
    public Product trackStockOut(Product before, Product after, InventoryChangeKey change, ChangeType type,
                                 long timestamp) {
        if (before.stock() > 0 && after.stock() <= 0) {
            stockOuts.put(change, new StockOut(timestamp, null));
            return after.withOpenStockOut(change.id());
        }
        if (type == ChangeType.RESTOCK && after.openStockOut() != 0) {
            InventoryChangeKey open = new InventoryChangeKey(after.openStockOut(), change.pid());
            StockOut out = stockOuts.get(open); // gone when it has left the retention window
            if (out != null) {
                stockOuts.put(open, out.restocked(timestamp));
            }
            return after.withOpenStockOut(0);
        }
        return after;
    }

    /** Moves the products' weeks to the day of {@code now}, under the products' locks as ingestion holds them. */
    public void rollProducts(Set<Long> pids, long now) {
        long today = DemandDays.dayOf(now);
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ)) {
            Map<Long, Product> current = products.getAll(new TreeSet<>(pids));
            for (long pid : pids) {
                Product product = current.get(pid);
                putOrRemove(productWeeks, pid, product == null ? null : ProductWeek.asOf(product.demand(), today));
            }
            tx.commit();
        }
    }

    /** Moves the customers' weeks to the day of {@code now}. */
    public void rollCustomers(Set<Long> customers, long now) {
        long today = DemandDays.dayOf(now);
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ)) {
            Map<Long, CustomerWeek> current = customerWeeks.getAll(new TreeSet<>(customers));
            current.forEach((customer, week) -> putOrRemove(customerWeeks, customer,
                    CustomerWeek.asOf(CustomerWeek.daysOf(week), today)));
            tx.commit();
        }
    }

    /** A cold start's summary rows of one product, from the days its entry is loaded with (null: none). */
    public static void load(long pid, long[] demand, long now, IgniteDataStreamer<ProductDayKey, ProductDay> days,
                            IgniteDataStreamer<Long, ProductWeek> weeks) {
        for (long day : DemandDays.daysHeld(demand)) {
            days.addData(new ProductDayKey(pid, day), ProductDay.of(demand, day));
        }
        ProductWeek week = ProductWeek.asOf(demand, DemandDays.dayOf(now));
        if (week != null) {
            weeks.addData(pid, week);
        }
    }

    /** A cold start's summary rows of one customer, from the units bought per day. */
    public static void loadCustomer(long customerId, long[] bought, long now,
                                    IgniteDataStreamer<CustomerDayKey, CustomerDay> days,
                                    IgniteDataStreamer<Long, CustomerWeek> weeks) {
        for (long day : DemandDays.daysHeld(bought)) {
            days.addData(new CustomerDayKey(customerId, day), CustomerDay.of(bought, day));
        }
        CustomerWeek week = CustomerWeek.asOf(bought, DemandDays.dayOf(now));
        if (week != null) {
            weeks.addData(customerId, week);
        }
    }

    private static <V> void putOrRemove(IgniteCache<Long, V> cache, long key, V value) {
        if (value == null) {
            cache.remove(key);
        } else {
            cache.put(key, value);
        }
    }
}
