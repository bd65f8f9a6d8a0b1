package com.stockoutradar.load;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.ChangeView;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.api.StockoutRadarClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Times how soon a node is serving again: a cold start from PostgreSQL into an empty grid, a restart on its own
 * persistent storage after a graceful stop (SIGTERM), and one after SIGKILL under a little load, checking that every
 * sale acknowledged before the kill is back. Runs the packaged application as a child process against a PostgreSQL
 * it fills first ({@code generate_series}); {@code --postgres-dir} starts one of its own (the binaries the
 * application embeds), {@code --jdbc} uses another.
 * <pre>
 * java -Dloader.main=com.stockoutradar.load.RestartBench -jar load-test/target/load-test.jar \
 *      --postgres-dir=/work/restart-bench/postgres --work=/work/restart-bench \
 *      --products=1000000 --changes=3000000
 * </pre>
 * {@code --fill=false} keeps PostgreSQL as an earlier run left it; {@code --cold-start=false} also keeps the grid's
 * storage and times only the restarts.
 * Serving means {@code GET /inventory/{id}} of a product from PostgreSQL answers 200. The application listens on
 * port 18080 and Ignite ports 47800/47400/11800, apart from the test nodes', and knows the bench's user and API key,
 * made up for the run ({@link Credentials#generated}).
 */
public final class RestartBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = IngestBench.options(args);
        long products = Long.parseLong(options.getOrDefault("products", "1000000"));
        long changes = Long.parseLong(options.getOrDefault("changes", "3000000"));
        Path work = Path.of(options.getOrDefault("work", "load-test/target/restart-bench")).toAbsolutePath();
        Path jar = Path.of(options.getOrDefault("jar", "web-dashboard/target/stockout-radar.jar")).toAbsolutePath();
        int loadSeconds = Integer.parseInt(options.getOrDefault("load-seconds", "10"));
        Files.createDirectories(work);

        EmbeddedPostgres embedded = null;
        String jdbc = options.get("jdbc");
        if (jdbc == null) {
            embedded = LocalPostgres.start(
                    Path.of(options.getOrDefault("postgres-dir", work.resolve("postgres").toString())),
                    Integer.parseInt(options.getOrDefault("postgres-port", "54400")));
            jdbc = LocalPostgres.jdbcUrl(embedded);
        }
        URI url = URI.create("http://127.0.0.1:18080");
        Path log = work.resolve("application.log");
        Credentials credentials = Credentials.generated();
        List<String> arguments = List.of("--spring.datasource.url=" + jdbc, "--radar.demo.enabled=false",
                "--radar.risk.refresh-on-start=false",
                "--radar.risk.backtest-on-start=false",
                "--radar.grid.work-directory=" + work.resolve("ignite"),
                "--radar.grid.data-region-size=" + options.getOrDefault("data-region", "8GB"),
                "--server.port=18080", "--radar.grid.discovery-port=47800",
                "--radar.grid.communication-port=47400",
                "--radar.grid.client-connector-port=11800");
        RadarProcess radar = new RadarProcess(jar, options.getOrDefault("heap", "4g"), arguments, credentials, log,
                url);
        System.out.printf("restart bench: %,d products, %,d changes over the last 7 days%n", products, changes);
        System.out.printf("machine: %d cores, %.1f GiB RAM, %s %s, %s; application log %s%n",
                Runtime.getRuntime().availableProcessors(), totalMemoryGiB(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name"), log);
        System.out.printf("application: %s%n", radar.shownCommand());
        try {
            ShopData shop = new ShopData(jdbc);
            if (!"false".equals(options.get("fill"))) {
                if (!shop.hasSchema()) {
                    createSchema(radar, work);
                }
                long started = System.nanoTime();
                shop.fill(products, changes, System.currentTimeMillis() / 1000, 7, 400, 2);
                System.out.printf("filled PostgreSQL in %.1f s%n", (System.nanoTime() - started) / 1e9);
            }
            System.out.printf("PostgreSQL holds %,d products and %,d changes%n", shop.count("product"),
                    shop.count("inventory_change"));
            String read = "/inventory/" + (products / 2 + 1);

            if ("false".equals(options.get("cold-start"))) {
                System.out.printf("start on the storage an earlier run left, to serving: %.1f s%n",
                        startTimed(radar, read));
            } else {
                deleteTree(work.resolve("ignite"));
                double cold = startTimed(radar, read);
                System.out.printf("cold start (empty grid, loads from PostgreSQL) to serving: %.1f s%n", cold);
                coldStartLines(log).forEach(line -> System.out.println("  " + line));
            }
            System.out.printf("graceful stop (SIGTERM) took %.1f s%n", radar.stop());

            System.out.printf("restart after SIGTERM, on its own storage, to serving: %.1f s%n",
                    startTimed(radar, read));

            List<ChangeReceipt> acknowledged = killUnderLoad(radar, new StockoutRadarClient(url, credentials.ingest()),
                    products, loadSeconds);
            System.out.printf("restart after SIGKILL, on its own storage, to serving: %.1f s%n",
                    startTimed(radar, read));
            checkKept(new StockoutRadarClient(url, credentials.person()), acknowledged);
            System.out.printf("graceful stop (SIGTERM) took %.1f s%n", radar.stop());
        } finally {
            radar.killIfAlive();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static double startTimed(RadarProcess radar, String read) throws Exception {
        long started = System.nanoTime();
        radar.start();
        return radar.awaitAnswer(read, started, Duration.ofHours(1));
    }

    /** Flyway creates the schema when the application first starts on an empty database. */
    static void createSchema(RadarProcess radar, Path work) throws Exception {
        deleteTree(work.resolve("ignite"));
        radar.start();
        radar.awaitAnswer("/actuator/health", System.nanoTime(), Duration.ofMinutes(5));
        radar.stop();
    }

    /**
     * Single sales from 4 clients for {@code seconds}, then SIGKILL while they keep coming; returns what was
     * acknowledged.
     */
    private static List<ChangeReceipt> killUnderLoad(RadarProcess radar, StockoutRadarClient client, long products,
                                                     int seconds) throws Exception {
        ConcurrentLinkedQueue<ChangeReceipt> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean going = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                while (going.get()) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    try {
                        acknowledged.add(client.sale(new SaleRequest(random.nextLong(1, 100_000),
                                random.nextLong(1, products + 1), 1L, System.currentTimeMillis() / 1000, null)));
                    } catch (RuntimeException killed) {
                        return;
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        Thread.sleep(seconds * 1000L);
        radar.kill();
        going.set(false);
        for (Thread t : clients) {
            t.join();
        }
        System.out.printf("SIGKILL after %d s of single sales from 4 clients: %,d acknowledged%n", seconds,
                acknowledged.size());
        return new ArrayList<>(acknowledged);
    }

    /** Every acknowledged sale of a sample is among its product's changes after the restart. */
    private static void checkKept(StockoutRadarClient client, List<ChangeReceipt> acknowledged) {
        List<ChangeReceipt> sample = acknowledged.subList(Math.max(0, acknowledged.size() - 200), acknowledged.size());
        long kept = sample.stream().filter(sale -> client.product(sale.productId()).orElseThrow().lastChanges()
                .stream().map(ChangeView::changeId).anyMatch(id -> id == sale.changeId())).count();
        System.out.printf("after the restart: %d of the last %d acknowledged sales are in the grid%n", kept,
                sample.size());
    }

    private static List<String> coldStartLines(Path log) throws Exception {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.filter(line -> line.contains("cold start")).toList();
            return all.subList(Math.max(0, all.size() - 12), all.size());
        }
    }

    static double totalMemoryGiB() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (double) (1L << 30);
    }

    static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
