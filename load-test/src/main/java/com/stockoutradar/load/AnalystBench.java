package com.stockoutradar.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Times every query of {@code docs/analysts.md} through Ignite's thin JDBC driver against a running application, a few
 * rounds each, as an analyst would run them ({@code :now} = now, {@code :pid} = product 1), signed in as a user with
 * the ANALYST role (or ADMIN): {@code --user}/{@code --password} or {@code RADAR_USER}/{@code RADAR_PASSWORD}.
 * <pre>
 * RADAR_USER=admin RADAR_PASSWORD=… java -Dloader.main=com.stockoutradar.load.AnalystBench \
 *      -jar load-test/target/load-test.jar --doc=docs/analysts.md --url=jdbc:ignite:thin://127.0.0.1:10800 --rounds=5
 * </pre>
 */
public final class AnalystBench {
    private AnalystBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = IngestBench.options(args);
        List<AnalystQuery> queries = AnalystQuery.readAll(Path.of(options.getOrDefault("doc", "docs/analysts.md")));
        String url = options.getOrDefault("url", "jdbc:ignite:thin://127.0.0.1:10800");
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        long now = System.currentTimeMillis() / 1000;
        Credentials analyst = Credentials.given(options);
        try (Connection jdbc = DriverManager.getConnection(url, analyst.user(), analyst.password())) {
            System.out.printf("analysts' queries through %s, %d rounds each (ms: median, max; rows)%n", url, rounds);
            for (AnalystQuery query : queries) {
                double[] millis = new double[rounds];
                long rows = 0;
                for (int round = 0; round < rounds; round++) {
                    long started = System.nanoTime();
                    try (PreparedStatement statement = query.prepare(jdbc, now, 1L)) {
                        rows = 0;
                        try (ResultSet rs = statement.executeQuery()) {
                            while (rs.next()) {
                                rows++;
                            }
                        }
                    }
                    millis[round] = (System.nanoTime() - started) / 1e6;
                }
                Arrays.sort(millis);
                System.out.printf("  %-26s %9.1f %9.1f %9d%n", query.name(), millis[rounds / 2], millis[rounds - 1],
                        rows);
            }
        }
    }
}
