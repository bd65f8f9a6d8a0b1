package com.stockoutradar.web;

import org.apache.ignite.Ignite;
import org.apache.ignite.internal.IgniteEx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.store.EmbeddedPostgresConnection;

/** Tells whoever started the app where to point a browser, a JDBC tool and psql. */
@Component
class StartupBanner {
    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Ignite ignite;
    private final JdbcConnectionDetails postgres;

    StartupBanner(Ignite ignite, JdbcConnectionDetails postgres) {
        this.ignite = ignite;
        this.postgres = postgres;
    }

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        String psql = "psql " + postgres.getJdbcUrl().replaceFirst("^jdbc:postgresql://",
                "postgresql://" + postgres.getUsername() + "@");
        if (postgres instanceof EmbeddedPostgresConnection embedded) {
            psql += " (password: see " + embedded.passwordFile() + ")";
        }
        log.info("""

                Stockout Radar is running:
                  dashboard and API   http://127.0.0.1:{}/
                  analysts' SQL       jdbc:ignite:thin://127.0.0.1:{}
                  PostgreSQL history  {}
                """, event.getWebServer().getPort(), ((IgniteEx) ignite).context().clientListener().port(), psql);
    }
}
