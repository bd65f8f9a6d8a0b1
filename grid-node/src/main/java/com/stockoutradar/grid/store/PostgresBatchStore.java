package com.stockoutradar.grid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import javax.cache.Cache;
import javax.cache.integration.CacheWriterException;
import javax.sql.DataSource;

import org.apache.ignite.cache.store.CacheStoreAdapter;
import org.apache.ignite.resources.SpringResource;

/**
 * The write side every PostgreSQL store shares: batched, idempotent writes (upsert or insert-if-absent), retried
 * through short outages. Ignite calls {@link #writeAll} from its write-behind flusher with coalesced entries.
 */
abstract class PostgresBatchStore<K, V> extends CacheStoreAdapter<K, V> {
    @SpringResource(resourceClass = DataSource.class)
    protected transient DataSource dataSource;

    private final TransientRetry retry;
    private final int batchSize;

    PostgresBatchStore(TransientRetry retry, int batchSize) {
        this.retry = retry;
        this.batchSize = batchSize;
    }

    /** An idempotent statement: running it twice for the same entry leaves the same row. */
    protected abstract String writeSql();

    protected abstract void bind(PreparedStatement statement, K key, V value) throws SQLException;

    /** What the rows are, for logs and errors. */
    protected abstract String rows();

    @Override
    public final void write(Cache.Entry<? extends K, ? extends V> entry) {
        writeAll(List.of(entry));
    }

    @Override
    public final void writeAll(Collection<Cache.Entry<? extends K, ? extends V>> entries) {
        String what = "writing " + entries.size() + " " + rows();
        try {
            retry.run(what, () -> writeBatches(entries));
        } catch (SQLException e) {
            throw new CacheWriterException(what + " to PostgreSQL failed", e);
        }
    }

    private void writeBatches(Collection<Cache.Entry<? extends K, ? extends V>> entries) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement write = c.prepareStatement(writeSql())) {
            int pending = 0;
            for (Cache.Entry<? extends K, ? extends V> e : entries) {
                bind(write, e.getKey(), e.getValue());
                write.addBatch();
                if (++pending == batchSize) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }

    protected final void retrying(String what, TransientRetry.SqlWork work) {
        try {
            retry.run(what, work);
        } catch (SQLException e) {
            throw new CacheWriterException(what + " failed", e);
        }
    }
}
