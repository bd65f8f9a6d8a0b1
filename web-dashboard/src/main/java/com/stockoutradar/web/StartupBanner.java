package com.stockoutradar.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.cluster.GridStatus;
import com.stockoutradar.grid.security.Accounts;
import com.stockoutradar.grid.store.EmbeddedPostgresConnection;

/** Tells whoever started the app where to point a browser, a JDBC tool and psql, and, once, how to sign in. */
@Component
class StartupBanner {
    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final GridStatus grid;
    private final JdbcConnectionDetails postgres;
    private final Accounts accounts;

    StartupBanner(GridStatus grid, JdbcConnectionDetails postgres, Accounts accounts) {
        this.grid = grid;
        this.postgres = postgres;
        this.accounts = accounts;
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
                """, event.getWebServer().getPort(), grid.clientConnectorPort(), psql);
        accounts.createdNow().ifPresent(created -> log.info("""

                First start: credentials created. They are shown this once; only their hashes are kept, in {}
                  user       {}   password {}   (every role: dashboard, HTTP Basic, analysts' SQL)
                  API key    {}   (name "{}", role INGEST; send it as Authorization: Bearer <key>)
                Delete that file and restart for new ones, or configure radar.security.users and api-keys (README).
                """, created.file(), created.adminUser(), created.adminPassword(), created.apiKey(),
                created.apiKeyName()));
    }
}
