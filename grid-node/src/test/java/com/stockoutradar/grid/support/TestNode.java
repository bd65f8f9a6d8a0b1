package com.stockoutradar.grid.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.apache.ignite.Ignite;
import org.apache.ignite.internal.IgniteEx;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.RestockRequest;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.grid.cluster.ClusterMembers;
import com.stockoutradar.grid.ingest.ChangeBatch;
import com.stockoutradar.grid.ingest.ChangeOutcomes;
import com.stockoutradar.grid.ingest.ChangeRecorder;
import com.stockoutradar.grid.inventory.Inventory;
import com.stockoutradar.grid.inventory.Product;
import com.stockoutradar.node.GridNodeApplication;

/**
 * A real grid server node in this JVM ({@link GridNodeApplication} with {@code grid-node-it.properties}): its
 * recorder, inventory and Ignite, and its PostgreSQL, for tests that record changes and look at where they went.
 */
public final class TestNode implements AutoCloseable {
    private static final String PROPERTIES = "grid-node-it.properties";
    /** Long enough for a node on 2 busy cores to drain its outbox, short enough to fail a hung test. */
    public static final Duration DELIVERY = Duration.ofSeconds(30);
    /** Product ids no two tests share, also across the nodes and restarts of one JVM. */
    private static final AtomicLong NEXT_PRODUCT = new AtomicLong(1_000);

    private final ConfigurableApplicationContext context;

    private TestNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** A server node with the test settings, {@code overrides} winning; a new cluster unless one is running. */
    public static TestNode start(Map<String, ?> overrides) {
        return new TestNode(GridNodeApplication.builder().run(arguments(overrides)));
    }

    public static TestNode start() {
        return start(Map.of());
    }

    /** Another server node joining this one's cluster (its only seed), on the same PostgreSQL. */
    public TestNode startBeside(String instanceName) {
        return startBeside(instanceName, Map.of());
    }

    /** The same, with settings of its own. */
    public TestNode startBeside(String instanceName, Map<String, ?> overrides) {
        JdbcConnectionDetails postgres = context.getBean(JdbcConnectionDetails.class);
        Map<String, Object> settings = new HashMap<>(Map.of("radar.grid.instance-name", instanceName,
                "radar.grid.discovery-addresses", discoveryAddresses(),
                "spring.datasource.url", postgres.getJdbcUrl(),
                "spring.datasource.username", postgres.getUsername()));
        if (postgres.getPassword() != null) { // the embedded PostgreSQL's; a test's own asks for none
            settings.put("spring.datasource.password", postgres.getPassword());
        }
        settings.putAll(overrides);
        return start(settings);
    }

    /** Where a node joining this one's cluster finds it, as {@code radar.grid.discovery-addresses}. */
    public String discoveryAddresses() {
        return String.join(",", ClusterMembers.addresses(ignite().cluster().localNode()));
    }

    public Ignite ignite() {
        return context.getBean(Ignite.class);
    }

    public ChangeRecorder recorder() {
        return context.getBean(ChangeRecorder.class);
    }

    public Inventory inventory() {
        return context.getBean(Inventory.class);
    }

    public JdbcTemplate postgres() {
        return context.getBean(JdbcTemplate.class);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** The port this node's thin-client/JDBC connector took (the first free one of its range). */
    public int clientConnectorPort() {
        return ((IgniteEx) ignite()).context().clientListener().port();
    }

    /** Waits until this node, having joined a cluster, is primary for its share of the partitions. */
    public TestNode awaitItsPartitions() {
        await().atMost(DELIVERY).until(() -> ignite().affinity(GridNames.PRODUCT_CACHE)
                .primaryPartitions(ignite().cluster().localNode()).length > 0);
        return this;
    }

    /** Whether this node holds the product (as its primary). */
    public boolean isPrimaryFor(long productId) {
        return ignite().affinity(GridNames.PRODUCT_CACHE).mapKeyToNode(productId).id()
                .equals(ignite().cluster().localNode().id());
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** A product no other test uses, created with this stock (its version 1). */
    public long newProduct(long stock) {
        long id = NEXT_PRODUCT.incrementAndGet();
        inventory().set(id, stock, "Test product " + id);
        return id;
    }

    /** A sale of now by customer 1, as the API would hand it to the recorder. */
    public static SaleRequest sale(long productId, long quantity, String eventId) {
        return sale(productId, quantity, now(), eventId);
    }

    public static SaleRequest sale(long productId, long quantity, long timestamp, String eventId) {
        return new SaleRequest(1L, productId, quantity, timestamp, eventId);
    }

    public ChangeReceipt sell(long productId, long quantity, String eventId) {
        return record(ChangeBatch.ofSales(List.of(sale(productId, quantity, eventId)))).get(0);
    }

    public ChangeReceipt restock(long productId, long quantity) {
        return record(ChangeBatch.ofRestock(new RestockRequest(productId, quantity, now(), null))).get(0);
    }

    public List<ChangeReceipt> sell(List<SaleRequest> sales) {
        return record(ChangeBatch.ofSales(sales));
    }

    private List<ChangeReceipt> record(ChangeBatch batch) {
        ChangeOutcomes outcomes = recorder().record(batch);
        return IntStream.range(0, outcomes.size()).mapToObj(outcomes::receipt).toList();
    }

    /** The product as the grid holds it now. */
    public Product product(long productId) {
        return ignite().<Long, Product>cache(GridNames.PRODUCT_CACHE).get(productId);
    }

    public List<Long> changeIdsInPostgres(long productId) {
        return postgres().queryForList("SELECT id FROM inventory_change WHERE pid = ? ORDER BY id", Long.class,
                productId);
    }

    /** The product's row in PostgreSQL as {stock, version}, or null when it has none. */
    public List<Long> rowInPostgres(long productId) {
        return postgres().query("SELECT stock, version FROM product WHERE id = ?",
                rs -> rs.next() ? List.of(rs.getLong(1), rs.getLong(2)) : null, productId);
    }

    /**
     * Waits until PostgreSQL holds exactly {@code changes} (the ones recorded, not their replays) of a product made
     * by {@link #newProduct}, each once, and its row at the newest version with the stock of its history: the
     * initial stock, less the sales, plus the restocks. The grid holds that stock too.
     */
    public void awaitDelivered(long productId, long initialStock, Collection<ChangeReceipt> changes) {
        List<Long> ids = changes.stream().map(ChangeReceipt::changeId).sorted().toList();
        long history = initialStock;
        for (ChangeReceipt change : changes) {
            history = change.type().apply(history, change.quantity());
        }
        List<Long> newest = List.of(history, 1L + changes.size());
        // a pooled connection may still be one a PostgreSQL restart cut: the next poll takes a fresh one
        await().atMost(DELIVERY).ignoreExceptionsInstanceOf(DataAccessResourceFailureException.class)
                .untilAsserted(() -> {
                    assertThat(changeIdsInPostgres(productId)).as("changes of %d in PostgreSQL", productId)
                            .containsExactlyElementsOf(ids);
                    assertThat(rowInPostgres(productId)).as("{stock, version} of %d in PostgreSQL", productId)
                            .isEqualTo(newest);
                });
        assertThat(product(productId).stock()).as("stock of %d in the grid", productId).isEqualTo(history);
    }

    @Override
    public void close() {
        context.close();
    }

    /** As command-line arguments, which win over the node's own YAML defaults. */
    private static String[] arguments(Map<String, ?> overrides) {
        Map<String, Object> settings = new HashMap<>();
        try {
            PropertiesLoaderUtils.loadProperties(new ClassPathResource(PROPERTIES))
                    .forEach((key, value) -> settings.put((String) key, value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.putAll(overrides);
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
