package com.stockoutradar.load;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The shop {@link ShopData} generates in a PostgreSQL of the bench's own ({@code --postgres-dir},
 * {@code --postgres-port}), and the packaged application ({@code --jar}, {@code --heap}, {@code --data-region}) as a
 * child process that loads it into an empty grid by its cold start: the way to millions of products without hours of
 * ingestion through the API. {@code --products}, {@code --changes}, {@code --days} (the days the changes span, up to
 * now) and {@code --max-stock} size it; {@code --fill=false} keeps the database of an earlier run. The application
 * listens on 18080 (HTTP) and 11800 (thin JDBC), apart from a default installation's, keeps its grid under
 * {@code --work}, and knows the bench's user and API key, made up for the run ({@link Credentials#generated}).
 */
final class GeneratedShop implements AutoCloseable {
    static final URI URL = URI.create("http://127.0.0.1:18080");
    static final String THIN_JDBC = "jdbc:ignite:thin://127.0.0.1:11800";

    final long products;
    final long changes;
    final int days;
    /** The moment the questions are asked as of: when the bench started. */
    final long now = System.currentTimeMillis() / 1000;
    final Credentials credentials = Credentials.generated();
    /** PostgreSQL's JDBC URL (no password: the bench's own server trusts local connections). */
    final String jdbc;
    final RadarProcess radar;
    private final EmbeddedPostgres postgres;
    private final Path work;

    private GeneratedShop(Map<String, String> options, String defaultWork, int defaultDays) throws Exception {
        products = Long.parseLong(options.getOrDefault("products", "1000000"));
        changes = Long.parseLong(options.getOrDefault("changes", "3000000"));
        days = Integer.parseInt(options.getOrDefault("days", Integer.toString(defaultDays)));
        work = Path.of(options.getOrDefault("work", defaultWork)).toAbsolutePath();
        Path jar = Path.of(options.getOrDefault("jar", "web-dashboard/target/stockout-radar.jar")).toAbsolutePath();
        Files.createDirectories(work);
        postgres = LocalPostgres.start(Path.of(options.get("postgres-dir")),
                Integer.parseInt(options.getOrDefault("postgres-port", "54400")));
        jdbc = LocalPostgres.jdbcUrl(postgres);
        radar = new RadarProcess(jar, options.getOrDefault("heap", "8g"), List.of(
                "--spring.datasource.url=" + jdbc, "--radar.demo.enabled=false",
                "--radar.risk.refresh-on-start=false", "--radar.risk.backtest-on-start=false",
                "--radar.grid.work-directory=" + work.resolve("ignite"),
                "--radar.grid.data-region-size=" + options.getOrDefault("data-region", "12GB"),
                "--server.port=18080", "--radar.grid.discovery-port=47800",
                "--radar.grid.communication-port=47400",
                "--radar.grid.client-connector-port=11800"), credentials, work.resolve("application.log"), URL);
        System.out.printf("application: %s%n", radar.shownCommand());
    }

    /** Starts PostgreSQL and fills it unless {@code --fill=false}; the application is not started yet. */
    static GeneratedShop open(Map<String, String> options, String defaultWork, int defaultDays) throws Exception {
        GeneratedShop shop = new GeneratedShop(options, defaultWork, defaultDays);
        try {
            if (!"false".equals(options.get("fill"))) {
                shop.fill(Integer.parseInt(options.getOrDefault("max-stock", "400")));
            }
            return shop;
        } catch (Exception | Error failed) {
            shop.close();
            throw failed;
        }
    }

    private void fill(int maxStock) throws Exception {
        ShopData shop = new ShopData(jdbc);
        if (!shop.hasSchema()) {
            RestartBench.createSchema(radar, work);
        }
        long started = System.nanoTime();
        shop.fill(products, changes, now, days, maxStock, 2);
        System.out.printf("filled PostgreSQL with %,d products (stock below %d) and %,d changes over the last %d "
                + "days in %.1f s%n", products, maxStock, changes, days, (System.nanoTime() - started) / 1e9);
    }

    /** Starts the application on an empty grid; returns the seconds until it served {@code path}. */
    double coldStart(String path) throws Exception {
        RestartBench.deleteTree(work.resolve("ignite"));
        long started = System.nanoTime();
        radar.start();
        return radar.awaitAnswer(path, started, Duration.ofHours(2));
    }

    @Override
    public void close() throws Exception {
        try {
            radar.killIfAlive();
        } finally {
            postgres.close();
        }
    }
}
