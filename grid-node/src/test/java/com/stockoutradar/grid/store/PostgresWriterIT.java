package com.stockoutradar.grid.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.cache.Cache;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import com.stockoutradar.grid.outbox.PendingWrite;
import com.stockoutradar.grid.outbox.PendingWriteKey;
import com.stockoutradar.grid.support.TestNode;
import com.stockoutradar.grid.support.TestPostgres;

/**
 * The writer the outbox drainer hands pending writes to, against a real PostgreSQL with the real schema: whatever
 * order and however often pending writes arrive, PostgreSQL ends with each change once and the newest product row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresWriterIT {
    private final AtomicLong nextProduct = new AtomicLong();
    private final AtomicLong nextChange = new AtomicLong();
    private TestPostgres postgres;
    private JdbcTemplate jdbc;
    /** Waits for a missing version longer than any test runs. */
    private PostgresWriter patient;

    @BeforeAll
    void start() {
        postgres = TestPostgres.start();
        postgres.createSchema();
        jdbc = new JdbcTemplate(postgres.dataSource());
        patient = new PostgresWriter(postgres.dataSource(), Duration.ofHours(1).toMillis());
    }

    @AfterAll
    void stop() {
        postgres.close();
    }

    @Test
    void aVersionWhosePredecessorIsMissingWaitsForIt() throws SQLException {
        long pid = nextProduct.incrementAndGet();
        var created = created(pid, 10);
        var second = sale(pid, 2, 8);
        var third = sale(pid, 3, 7);
        assertThat(patient.write(List.of(created))).containsExactly(created.getKey());

        assertThat(patient.write(List.of(third))).as("version 3 without version 2").isEmpty();
        assertThat(row(pid)).containsExactly(10L, 1L);
        assertThat(changeIds(pid)).isEmpty();

        assertThat(patient.write(List.of(third, second))).containsExactlyInAnyOrder(second.getKey(), third.getKey());
        assertThat(row(pid)).containsExactly(7L, 3L);
        assertThat(changeIds(pid)).containsExactly(second.getValue().changeId(), third.getValue().changeId());
    }

    @Test
    void aRedeliveredBatchChangesNothing() throws SQLException {
        long pid = nextProduct.incrementAndGet();
        List<Cache.Entry<PendingWriteKey, PendingWrite>> batch = List.of(created(pid, 10), sale(pid, 2, 9),
                sale(pid, 3, 7));
        patient.write(batch);
        List<Long> rowBefore = row(pid);
        List<Long> changesBefore = changeIds(pid);

        // the drainer wrote it, then died before it removed the keys: the next round writes it again
        assertThat(patient.write(batch)).as("done again, so that it leaves the outbox")
                .containsExactlyInAnyOrderElementsOf(batch.stream().map(Cache.Entry::getKey).toList());
        assertThat(row(pid)).isEqualTo(rowBefore).containsExactly(7L, 3L);
        assertThat(changeIds(pid)).isEqualTo(changesBefore).hasSize(2);
    }

    @Test
    void anOlderVersionNeverOverwritesANewerProductRow() throws SQLException {
        long pid = nextProduct.incrementAndGet();
        var second = sale(pid, 2, 9);
        patient.write(List.of(created(pid, 10), second, sale(pid, 3, 7)));

        // a slow drainer, e.g. on a node that lost the partition meanwhile, delivers version 2 late
        assertThat(patient.write(List.of(second))).containsExactly(second.getKey());
        assertThat(row(pid)).containsExactly(7L, 3L);
        assertThat(changeIds(pid)).hasSize(2);
    }

    @Test
    void aGapOlderThanTheGapTimeoutIsWrittenAnyway() throws SQLException {
        PostgresWriter hasty = new PostgresWriter(postgres.dataSource(), 300);
        long pid = nextProduct.incrementAndGet();
        var third = sale(pid, 3, 7);
        hasty.write(List.of(created(pid, 10)));
        assertThat(hasty.write(List.of(third))).as("version 2 may still come").isEmpty();

        // version 2 never comes: once version 3 has waited out the timeout, PostgreSQL takes it
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> hasty.write(List.of(third)).contains(third.getKey()));
        assertThat(row(pid)).containsExactly(7L, 3L);
        assertThat(changeIds(pid)).containsExactly(third.getValue().changeId());
    }

    /** Version 1 of a product: created with this stock, no change. */
    private static Cache.Entry<PendingWriteKey, PendingWrite> created(long pid, long stock) {
        return new Pending(new PendingWriteKey(pid, 1), PendingWrite.product(stock, "Product " + pid, 1));
    }

    /** The version a sale brought the product to, with the stock after it. */
    private Cache.Entry<PendingWriteKey, PendingWrite> sale(long pid, long version, long stockAfter) {
        return new Pending(new PendingWriteKey(pid, version), PendingWrite.change(stockAfter, "Product " + pid,
                version, nextChange.incrementAndGet(), "SALE", 1, TestNode.now(), 1L, null));
    }

    /** {stock, version} */
    private List<Long> row(long pid) {
        return jdbc.queryForObject("SELECT stock, version FROM product WHERE id = ?",
                (rs, n) -> List.of(rs.getLong(1), rs.getLong(2)), pid);
    }

    private List<Long> changeIds(long pid) {
        return jdbc.queryForList("SELECT id FROM inventory_change WHERE pid = ? ORDER BY id", Long.class, pid);
    }

    /** A pending write as the drainer reads it from the outbox. */
    private record Pending(PendingWriteKey key, PendingWrite value)
            implements Cache.Entry<PendingWriteKey, PendingWrite> {
        @Override
        public PendingWriteKey getKey() {
            return key;
        }

        @Override
        public PendingWrite getValue() {
            return value;
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
