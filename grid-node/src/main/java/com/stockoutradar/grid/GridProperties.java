package com.stockoutradar.grid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.ignite.configuration.WALMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How this process takes part in the Ignite cluster.
 *
 * @param instanceName        Ignite instance name, unique per JVM, and the node's consistent id: the name its data
 *                            on disk is kept under, so it must stay the same across restarts
 * @param workDirectory       Ignite's working files: data ({@code db/}), write-ahead log ({@code wal/}), mappings
 * @param clientMode          join an existing cluster as a thick client (holds no data) instead of as a server
 * @param localAddress        the address discovery, communication and the thin-client port bind to
 * @param discoveryAddresses  the cluster's seed addresses, e.g. {@code 10.0.0.1:47500..47502}: the node joins the
 *                            cluster found there and no other; none: a cluster of this node alone, which never
 *                            joins another instance on the machine (a client node needs them)
 * @param discoveryPort       first discovery port of this node
 * @param communicationPort   first communication port of this node
 * @param clientConnectorPort thin client and JDBC port (analysts connect here)
 * @param clientConnectorSsl  TLS on that port, off by default
 * @param analystQueryTimeout longest an analyst's SQL query (thin JDBC or thin client) may run: the node it runs on
 *                            cancels it then, whatever the client asked for; the system's own queries are not held to it
 * @param analystQueryThreads the thin-client/JDBC port's threads: at most this many analysts' requests run at once on
 *                            the node, the others wait their turn; the system's own work never runs on them. Unset:
 *                            a quarter of the node's cores, at least one
 * @param dataRegionSize      off-heap memory for this node's hot data; everything is on disk, the region caches
 *                            the pages in use
 * @param backups             backup copies of every partition (0 loses data with a node, 1 survives one)
 * @param partitions          affinity partitions, the same on every node
 * @param retention           how long changes stay in the grid (by their timestamp); PostgreSQL keeps all
 * @param retentionSweepEvery how often each node takes the changes that have left the window out of the grid
 * @param transactionTimeout  longest an ingestion transaction may wait for locks before it is retried
 * @param walMode             {@code LOG_ONLY}: an acknowledged change survives a killed process; {@code FSYNC}: it
 *                            also survives a power loss, at the cost of a disk sync per commit
 * @param walSegmentSize      size of one write-ahead log file (Ignite keeps ten, plus an archive)
 * @param initialNodes        server nodes the cluster waits for before it is activated the very first time; later
 *                            starts wait for the nodes of that first (baseline) topology instead
 * @param minFreeDisk         free space kept on the data disk: below it, writes are refused (503)
 */
@ConfigurationProperties("radar.grid")
public record GridProperties(
        String instanceName,
        Path workDirectory,
        boolean clientMode,
        String localAddress,
        List<String> discoveryAddresses,
        int discoveryPort,
        int communicationPort,
        int clientConnectorPort,
        @DefaultValue ClientConnectorSsl clientConnectorSsl,
        Duration analystQueryTimeout,
        Integer analystQueryThreads,
        DataSize dataRegionSize,
        int backups,
        int partitions,
        Duration retention,
        Duration retentionSweepEvery,
        Duration transactionTimeout,
        WALMode walMode,
        DataSize walSegmentSize,
        int initialNodes,
        DataSize minFreeDisk) {

    /** The grid must hold at least the 7-day velocity window plus a day of slack. */
    static final Duration MIN_RETENTION = Duration.ofDays(8);

    public GridProperties {
        discoveryAddresses = discoveryAddresses == null ? List.of() : List.copyOf(discoveryAddresses);
        if (clientMode && discoveryAddresses.isEmpty()) {
            throw new IllegalArgumentException("radar.grid.client-mode needs radar.grid.discovery-addresses: the "
                    + "addresses of the cluster's server nodes, which a client joins");
        }
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException(
                    "radar.grid.retention must be at least " + MIN_RETENTION.toDays() + " days, was " + retention);
        }
        if (analystQueryTimeout == null || analystQueryTimeout.isNegative() || analystQueryTimeout.isZero()) {
            throw new IllegalArgumentException("radar.grid.analyst-query-timeout must be positive, was "
                    + analystQueryTimeout);
        }
        if (analystQueryThreads == null) {
            // a query's map phase takes a core on each node it runs on: analysts may take a quarter of them
            analystQueryThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 4);
        }
        if (analystQueryThreads < 1) {
            throw new IllegalArgumentException("radar.grid.analyst-query-threads must be at least 1, was "
                    + analystQueryThreads);
        }
        if (walMode != WALMode.LOG_ONLY && walMode != WALMode.FSYNC) {
            throw new IllegalArgumentException("radar.grid.wal-mode must be LOG_ONLY or FSYNC (the modes that keep an "
                    + "acknowledged change), was " + walMode);
        }
    }
}
