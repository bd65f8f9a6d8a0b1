package com.stockoutradar.grid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How this process takes part in the Ignite cluster.
 *
 * @param instanceName        Ignite instance name, unique per JVM
 * @param workDirectory       Ignite's working files (logs, marshaller mappings)
 * @param clientMode          join an existing cluster as a thick client (holds no data) instead of as a server
 * @param localAddress        the address discovery, communication and the thin-client port bind to
 * @param discoveryAddresses  static discovery list, e.g. {@code 10.0.0.1:47500..47509}
 * @param discoveryPort       first discovery port of this node
 * @param communicationPort   first communication port of this node
 * @param clientConnectorPort thin client and JDBC port (analysts connect here)
 * @param dataRegionSize      off-heap memory for the caches on this node
 * @param backups             backup copies of every partition (0 loses data with a node, 1 survives one)
 * @param partitions          affinity partitions, the same on every node
 * @param retention           how long changes stay in the grid (by their timestamp); PostgreSQL keeps all
 * @param transactionTimeout  longest an ingestion transaction may wait for locks before it is retried
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
        DataSize dataRegionSize,
        int backups,
        int partitions,
        Duration retention,
        Duration transactionTimeout) {

    /** The grid must hold at least the 7-day velocity window plus a day of slack. */
    static final Duration MIN_RETENTION = Duration.ofDays(8);

    public GridProperties {
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException(
                    "radar.grid.retention must be at least " + MIN_RETENTION.toDays() + " days, was " + retention);
        }
    }
}
