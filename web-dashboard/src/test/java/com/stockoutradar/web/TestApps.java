package com.stockoutradar.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.ignite.Ignite;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import com.stockoutradar.grid.cluster.ClusterMembers;
import com.stockoutradar.node.GridNodeApplication;

/** Starts applications by hand, for tests that stop, restart or add nodes, with the test settings. */
public final class TestApps {
    static final String PROPERTIES = "classpath:grid-it.properties";

    private TestApps() {
    }

    /** The web application (a server node) with the test settings, {@code overrides} winning. */
    public static ConfigurableApplicationContext startWebApp(Map<String, Object> overrides) {
        return new SpringApplicationBuilder(StockoutRadarApplication.class)
                .run(arguments(Map.of("server.port", 0), overrides));
    }

    /** A bare grid server node joining the test cluster. */
    public static ConfigurableApplicationContext startGridNode(Map<String, Object> overrides) {
        return GridNodeApplication.builder().run(arguments(Map.of(), overrides));
    }

    /**
     * Another server node joining {@code app}'s cluster (its only seed), on the same PostgreSQL. Its name is made
     * unique: it is the node's consistent id, and a name used before would find that run's data on disk.
     */
    public static ConfigurableApplicationContext startGridNodeBeside(ConfigurableApplicationContext app, String name) {
        JdbcConnectionDetails postgres = app.getBean(JdbcConnectionDetails.class);
        return startGridNode(Map.of("radar.grid.instance-name", name + "-" + UUID.randomUUID(),
                "radar.grid.discovery-addresses", discoveryAddresses(app),
                "spring.datasource.url", postgres.getJdbcUrl(),
                "spring.datasource.username", postgres.getUsername(),
                "spring.datasource.password", postgres.getPassword()));
    }

    /** Where a node joining {@code app}'s cluster finds it, as {@code radar.grid.discovery-addresses}. */
    public static String discoveryAddresses(ConfigurableApplicationContext app) {
        return String.join(",", ClusterMembers.addresses(app.getBean(Ignite.class).cluster().localNode()));
    }

    public static Radar radar(ConfigurableApplicationContext app) {
        return new Radar(((WebServerApplicationContext) app).getWebServer().getPort(), app.getBean(Ignite.class),
                app.getBean(JdbcTemplate.class));
    }

    /** As command-line arguments, which win over the applications' own YAML defaults. */
    private static String[] arguments(Map<String, Object> extra, Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>();
        try {
            Properties file = PropertiesLoaderUtils.loadProperties(
                    new ClassPathResource(PROPERTIES.substring("classpath:".length())));
            file.forEach((key, value) -> settings.put((String) key, value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.putAll(extra);
        settings.putAll(overrides);
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
