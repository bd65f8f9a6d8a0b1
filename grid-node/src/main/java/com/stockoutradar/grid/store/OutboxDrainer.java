package com.stockoutradar.grid.store;

import static com.stockoutradar.api.GridNames.OUTBOX_CACHE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.cache.Cache;
import javax.sql.DataSource;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.OnServerNode;
import com.stockoutradar.grid.outbox.PendingWrite;
import com.stockoutradar.grid.outbox.PendingWriteKey;

/**
 * Feeds PostgreSQL from this node's share of the outbox: reads the pending writes of the partitions it is primary
 * for, writes them in one PostgreSQL transaction, and only then removes them from the outbox. A crash in between
 * writes them again, which changes nothing. While PostgreSQL is unreachable it retries with back-off, for as long
 * as it takes; the outbox is on disk, and ingestion goes on until the backlog limit.
 */
@Component
@OnServerNode
public class OutboxDrainer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxDrainer.class);
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 5_000;
    private static final long FINISH_MILLIS = 10_000;
    /** Started before, and stopped after, the web server: the last requests' writes are written before it stops. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final Ignite ignite;
    private final IgniteCache<PendingWriteKey, PendingWrite> outbox;
    private final PostgresWriter postgres;
    private final StoreProperties settings;
    private volatile boolean running;
    /** While stopping: until when the pending writes are still written. */
    private volatile long finishBy;
    private volatile Thread thread;
    /** Commit time of the oldest write seen pending in the last round; 0 when none was. */
    private volatile long oldestPendingMillis;
    private volatile String lastFailure;
    /** Written by the drainer's thread alone. */
    private volatile long failures;
    private int nextPartition;

    public OutboxDrainer(Ignite ignite, DataSource dataSource, StoreProperties settings) {
        this.ignite = ignite;
        this.outbox = ignite.cache(OUTBOX_CACHE);
        this.postgres = new PostgresWriter(dataSource, settings.gapTimeout().toMillis());
        this.settings = settings;
    }

    /** How far PostgreSQL is behind this node's share of the grid. */
    public StoreLag lag() {
        long oldest = oldestPendingMillis;
        long rows = outbox.localSizeLong(CachePeekMode.PRIMARY);
        double seconds = rows == 0 || oldest == 0 ? 0 : Math.max(0, System.currentTimeMillis() - oldest) / 1000.0;
        return new StoreLag(rows, seconds, lastFailure, failures);
    }

    /** This node's drainer, for jobs that ask every node how far behind PostgreSQL is. */
    public static OutboxDrainer on(Ignite ignite) {
        return (OutboxDrainer) ignite.cluster().nodeLocalMap().get(OutboxDrainer.class.getName());
    }

    @Override
    public void start() {
        ignite.cluster().nodeLocalMap().put(OutboxDrainer.class.getName(), this);
        running = true;
        thread = new Thread(this::drain, "postgres-outbox-" + ignite.name());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A graceful stop first writes what is pending, for up to {@link #FINISH_MILLIS}, so that PostgreSQL is current
     * while the node is away (and if this node's disk is never seen again); what is left stays in the outbox.
     */
    @Override
    public void stop() {
        finishBy = System.currentTimeMillis() + FINISH_MILLIS;
        running = false;
        Thread drainer = thread;
        if (drainer != null) {
            try {
                drainer.join(FINISH_MILLIS + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void drain() {
        long pause = FIRST_PAUSE_MILLIS;
        while (running || System.currentTimeMillis() < finishBy) {
            try {
                List<Cache.Entry<PendingWriteKey, PendingWrite>> pending = collect(settings.batchSize());
                if (pending.isEmpty()) {
                    oldestPendingMillis = 0;
                    if (!running) {
                        return; // stopping, and nothing is left
                    }
                    sleep(settings.pollEvery().toMillis());
                    continue;
                }
                Set<PendingWriteKey> done = postgres.write(pending);
                outbox.removeAll(done);
                if (lastFailure != null) {
                    log.info("PostgreSQL takes writes again; {} were pending on this node", pending.size());
                    lastFailure = null;
                }
                pause = FIRST_PAUSE_MILLIS;
                if (done.size() < pending.size()) {
                    sleep(settings.pollEvery().toMillis()); // the rest waits for versions still in flight
                }
            } catch (Exception e) {
                lastFailure = e.getMessage();
                failures++;
                log.warn("writing pending changes to PostgreSQL failed ({}); retrying in {} ms", rootCause(e), pause);
                sleep(pause);
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        }
    }

    /**
     * Up to {@code limit} pending writes of the partitions this node is primary for, starting each round where the
     * last stopped, so that no partition waits behind a busy one.
     */
    private List<Cache.Entry<PendingWriteKey, PendingWrite>> collect(int limit) {
        ClusterNode local = ignite.cluster().localNode();
        int[] partitions = ignite.affinity(OUTBOX_CACHE).primaryPartitions(local);
        List<Cache.Entry<PendingWriteKey, PendingWrite>> pending = new ArrayList<>();
        long oldest = Long.MAX_VALUE;
        int start = nextPartition;
        int visited = 0;
        for (; visited < partitions.length && pending.size() < limit; visited++) {
            int partition = partitions[(start + visited) % partitions.length];
            if (outbox.localSizeLong(partition, CachePeekMode.PRIMARY) == 0) {
                continue;
            }
            try (QueryCursor<Cache.Entry<PendingWriteKey, PendingWrite>> entries = outbox.query(
                    new ScanQuery<PendingWriteKey, PendingWrite>(partition).setLocal(true))) {
                for (Cache.Entry<PendingWriteKey, PendingWrite> entry : entries) {
                    pending.add(entry);
                    oldest = Math.min(oldest, entry.getValue().acknowledgedAt());
                }
            }
        }
        nextPartition = partitions.length == 0 ? 0 : (start + visited) % partitions.length;
        oldestPendingMillis = oldest == Long.MAX_VALUE ? 0 : oldest;
        return pending;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
