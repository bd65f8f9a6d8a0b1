package com.stockoutradar.grid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.cache.integration.CacheLoaderException;

import com.stockoutradar.grid.inventory.Product;

/** Writes products' stock behind the grid into PostgreSQL's {@code product} table. */
public class ProductStore extends PostgresBatchStore<Long, Product> {

    ProductStore(TransientRetry retry, int batchSize) {
        super(retry, batchSize);
    }

    @Override
    protected String writeSql() {
        return """
                INSERT INTO product (id, stock, name, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET stock = EXCLUDED.stock, name = EXCLUDED.name,
                                               updated_at = EXCLUDED.updated_at""";
    }

    @Override
    protected void bind(PreparedStatement upsert, Long id, Product product) throws SQLException {
        upsert.setLong(1, id);
        upsert.setLong(2, product.stock());
        upsert.setString(3, product.name());
        upsert.setLong(4, product.updatedAt());
    }

    @Override
    protected String rows() {
        return "products";
    }

    @Override
    public Product load(Long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT stock, name, updated_at FROM product WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Product(row.getLong(1), row.getString(2), row.getLong(3)) : null;
            }
        } catch (SQLException e) {
            throw new CacheLoaderException("cannot load product " + id, e);
        }
    }

    @Override
    public void delete(Object id) {
        retrying("deleting product " + id, () -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement delete = c.prepareStatement("DELETE FROM product WHERE id = ?")) {
                delete.setLong(1, (Long) id);
                delete.executeUpdate();
            }
        });
    }
}
