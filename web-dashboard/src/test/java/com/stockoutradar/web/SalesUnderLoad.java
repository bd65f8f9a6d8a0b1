package com.stockoutradar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

import com.stockoutradar.api.ApiException;
import com.stockoutradar.api.BatchReceipt;
import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.ProductRequest;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.api.StockoutRadarClient;

/**
 * Batches of sales with event ids sent by several threads while a test breaks something, and afterwards the
 * promise checked against what was acknowledged: every acknowledged sale is in PostgreSQL exactly once, nothing is
 * there twice, and every product's stock, in the grid and in PostgreSQL, equals its initial stock minus its sales.
 * Batches whose answer never came may or may not have been stored; they are not counted either way.
 */
public final class SalesUnderLoad implements AutoCloseable {
    public static final long INITIAL_STOCK = 1_000_000;
    private static final int BATCH = 25;

    private final List<Long> products;
    private final Map<String, SaleRequest> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger refused5xx = new AtomicInteger();
    private final ExecutorService senders;
    private volatile StockoutRadarClient client;
    private volatile boolean sending = true;

    private SalesUnderLoad(StockoutRadarClient client, List<Long> products, int threads, String runId) {
        this.client = client;
        this.products = products;
        this.senders = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            senders.submit(() -> send(runId + "-" + thread, new Random(thread)));
        }
    }

    /** Creates {@code productCount} products from {@code firstId} and starts sending. */
    public static SalesUnderLoad start(StockoutRadarClient client, long firstId, int productCount, int threads) {
        List<Long> products = new ArrayList<>();
        for (long id = firstId; id < firstId + productCount; id++) {
            client.putProduct(id, new ProductRequest(INITIAL_STOCK, "Load product " + id));
            products.add(id);
        }
        return new SalesUnderLoad(client, products, threads, "load-" + firstId + "-" + System.nanoTime());
    }

    /** Sends on to another node of the same system (the first one is gone). */
    public void sendTo(StockoutRadarClient next) {
        this.client = next;
    }

    public void awaitAcknowledged(int sales) {
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= sales);
    }

    public int acknowledged() {
        return acknowledged.size();
    }

    /** Answers of 500 and above; a request the server never answered is not one of them. */
    public int serverErrors() {
        return refused5xx.get();
    }

    @Override
    public void close() {
        sending = false;
        senders.shutdown();
        try {
            senders.awaitTermination(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for PostgreSQL to hold every acknowledged sale, then checks everything the class comment promises. */
    public void assertKept(JdbcTemplate postgres, StockoutRadarClient grid) {
        close();
        List<String> eventIds = new ArrayList<>(acknowledged.keySet());
        String[] ids = eventIds.toArray(String[]::new);
        await().atMost(Duration.ofSeconds(90)).until(() -> postgres.queryForObject(
                "SELECT count(DISTINCT event_id) FROM inventory_change WHERE event_id = ANY(?)", Long.class,
                (Object) ids) == eventIds.size());
        assertThat(postgres.queryForObject("""
                SELECT count(*) FROM (SELECT event_id FROM inventory_change WHERE event_id IS NOT NULL
                                      GROUP BY event_id HAVING count(*) > 1) twice""", Long.class))
                .as("event ids stored more than once").isZero();
        assertThat(postgres.queryForObject("SELECT count(*) - count(DISTINCT id) FROM inventory_change", Long.class))
                .as("change ids stored more than once").isZero();
        for (long product : products) {
            // the grid's stock counts sales whose answer was lost too; PostgreSQL must catch up with those as well
            long inGrid = grid.product(product).orElseThrow().stock();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, Object> row = postgres.queryForMap("""
                        SELECT p.stock, (SELECT COALESCE(sum(quantity), 0) FROM inventory_change c WHERE c.pid = p.id
                                         AND c.type = 'SALE') AS sold
                        FROM product p WHERE p.id = ?""", product);
                long stock = ((Number) row.get("stock")).longValue();
                long sold = ((Number) row.get("sold")).longValue();
                assertThat(stock).as("product %d: stock in PostgreSQL equals its history", product)
                        .isEqualTo(INITIAL_STOCK - sold);
                assertThat(stock).as("product %d: PostgreSQL agrees with the grid", product).isEqualTo(inGrid);
            });
        }
        List<SaleRequest> sample = eventIds.stream().limit(200).map(acknowledged::get).toList();
        BatchReceipt replay = grid.sales(sample);
        assertThat(replay.replayed()).as("the grid still knows every acknowledged event id").isEqualTo(sample.size());
    }

    private void send(String sender, Random random) {
        for (int round = 0; sending; round++) {
            List<SaleRequest> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                long product = products.get(random.nextInt(products.size()));
                batch.add(new SaleRequest(7L, product, 1L + random.nextInt(3), System.currentTimeMillis() / 1000,
                        sender + "-" + round + "-" + i));
            }
            try {
                BatchReceipt receipt = client.sales(batch);
                for (int i = 0; i < batch.size(); i++) {
                    ChangeReceipt item = receipt.changes().get(i);
                    assertThat(item.productId()).isEqualTo(batch.get(i).productId());
                    acknowledged.put(batch.get(i).eventId(), batch.get(i));
                }
            } catch (ApiException e) {
                if (e.status() >= 500) {
                    refused5xx.incrementAndGet();
                }
                pause();
            } catch (RuntimeException e) {
                pause(); // no answer: the node is gone
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
