package com.stockoutradar.grid.demo;

import java.sql.Types;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.stockoutradar.grid.OnServerNode;

/** Seeds the demo shop into PostgreSQL when it has no products yet; the cold start then brings it into the grid. */
@Component
@OnServerNode
public class DemoData {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoProperties settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public DemoData(DemoProperties settings, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public void seedIfEmpty() {
        if (!settings.enabled()) {
            return;
        }
        Long products = jdbc.queryForObject("SELECT count(*) FROM product", Long.class);
        if (products != null && products > 0) {
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        DemoShop shop = new DemoShop(settings, now);
        transaction.executeWithoutResult(status -> {
            jdbc.batchUpdate("INSERT INTO product (id, stock, name, updated_at) VALUES (?, ?, ?, ?)",
                    shop.products, 1000, (ps, p) -> {
                        ps.setLong(1, p.id());
                        ps.setLong(2, p.stock());
                        ps.setString(3, p.name());
                        ps.setLong(4, now);
                    });
            jdbc.batchUpdate("""
                    INSERT INTO inventory_change (id, pid, type, quantity, timestamp, customer_id, stock_after)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", shop.changes, 1000, (ps, c) -> {
                ps.setLong(1, c.id());
                ps.setLong(2, c.pid());
                ps.setString(3, c.type().name());
                ps.setLong(4, c.quantity());
                ps.setLong(5, c.timestamp());
                if (c.customerId() == null) {
                    ps.setNull(6, Types.BIGINT);
                } else {
                    ps.setLong(6, c.customerId());
                }
                ps.setLong(7, c.stockAfter());
            });
        });
        log.info("demo data: seeded {} products and {} changes over {} days", shop.products.size(),
                shop.changes.size(), settings.days());
    }
}
