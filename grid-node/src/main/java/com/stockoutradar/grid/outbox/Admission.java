package com.stockoutradar.grid.outbox;

import static com.stockoutradar.api.GridNames.OUTBOX_CACHE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.lang.IgniteRunnable;
import org.apache.ignite.resources.IgniteInstanceResource;

import com.stockoutradar.grid.cluster.GridUnavailableException;

/**
 * Whether this node takes more writes: refused (503, nothing stored) while PostgreSQL is further behind than the
 * configured backlog, or while the disk that holds the grid's data is nearly full, before either becomes a lost
 * write. One per node, shared by every writer that runs there.
 */
public final class Admission {
    /** Node attributes carrying the limits, so jobs running on a node use that node's configuration. */
    public static final String MAX_BACKLOG_ATTRIBUTE = "radar.store.max-backlog";
    public static final String MIN_FREE_DISK_ATTRIBUTE = "radar.grid.min-free-disk";
    private static final long DISK_CHECK_EVERY_MILLIS = 1_000;

    private final IgniteCache<PendingWriteKey, PendingWrite> outbox;
    private final boolean server;
    private final long maxBacklog;
    private final long minFreeDisk;
    private final Path storage;
    private volatile long diskCheckedAt;
    private volatile long freeDisk = Long.MAX_VALUE;

    private Admission(Ignite ignite) {
        this.outbox = ignite.cache(OUTBOX_CACHE);
        this.server = !ignite.cluster().localNode().isClient();
        this.maxBacklog = ignite.cluster().localNode().<Long>attribute(MAX_BACKLOG_ATTRIBUTE);
        this.minFreeDisk = ignite.cluster().localNode().<Long>attribute(MIN_FREE_DISK_ATTRIBUTE);
        String storagePath = ignite.configuration().getDataStorageConfiguration().getStoragePath();
        this.storage = storagePath == null ? null : Path.of(storagePath);
    }

    public static Admission on(Ignite ignite) {
        return (Admission) ignite.cluster().nodeLocalMap()
                .computeIfAbsent(Admission.class.getName(), key -> new Admission(ignite));
    }

    /**
     * Refuses a write that a transaction from {@code ignite} is about to make on {@code nodes}, when any of them
     * would refuse it: each checks for itself, as when a job brings it a batch.
     */
    public static void check(Ignite ignite, Collection<ClusterNode> nodes) {
        if (!nodes.isEmpty()) {
            ignite.compute(ignite.cluster().forNodes(nodes)).withNoFailover().broadcast(new CheckJob());
        }
    }

    /** Refuses a write on this node when PostgreSQL is too far behind or the disk is nearly full. */
    public void check() {
        if (!server) {
            return; // a client stores nothing; the server nodes its transaction reaches check for themselves
        }
        long backlog = outbox.localSizeLong(CachePeekMode.PRIMARY);
        if (backlog >= maxBacklog) {
            throw new GridUnavailableException("PostgreSQL is " + backlog + " writes behind on this node (at most "
                    + maxBacklog + " may wait); is it reachable?", Duration.ofSeconds(10));
        }
        long free = freeDisk();
        if (free < minFreeDisk) {
            throw new GridUnavailableException("the grid's disk has " + free / (1 << 20) + " MB free, less than the "
                    + minFreeDisk / (1 << 20) + " MB kept in reserve", Duration.ofSeconds(60));
        }
    }

    private long freeDisk() {
        long now = System.currentTimeMillis();
        if (storage != null && now - diskCheckedAt >= DISK_CHECK_EVERY_MILLIS) {
            try {
                freeDisk = Files.getFileStore(storage).getUsableSpace();
            } catch (IOException e) {
                freeDisk = Long.MAX_VALUE; // not known: Ignite's own failure handling still guards the disk
            }
            diskCheckedAt = now;
        }
        return freeDisk;
    }

    private static final class CheckJob implements IgniteRunnable {
        private static final long serialVersionUID = 1L;

        @IgniteInstanceResource
        private transient Ignite ignite;

        @Override
        public void run() {
            on(ignite).check();
        }
    }
}
