package com.stockoutradar.compute.risk;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;

import java.util.function.Consumer;

import javax.cache.Cache;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryField;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;

import com.stockoutradar.api.ChangeType;

/**
 * Reads one partition of this node as binary objects, without deserialising: what the scans of a refresh's backtest
 * and of the built-in backtest do, partition by partition.
 */
public final class LocalPartition {
    private static final String SALE = ChangeType.SALE.name();

    /** One change as a scan sees it; {@code sale} false means a restock. */
    public interface ChangeVisitor {
        void change(long pid, boolean sale, long quantity, long timestamp);
    }

    private LocalPartition() {
    }

    /** Visits every entry of one local partition of a cache. */
    public static <K> void scan(Ignite ignite, String cacheName, int partition,
                                Consumer<Cache.Entry<K, BinaryObject>> visitor) {
        IgniteCache<K, BinaryObject> cache = ignite.cache(cacheName).withKeepBinary();
        try (QueryCursor<Cache.Entry<K, BinaryObject>> cursor = cache.query(
                new ScanQuery<K, BinaryObject>(partition).setLocal(true))) {
            cursor.forEach(visitor);
        }
    }

    /** Visits every change of one local partition. */
    public static void changes(Ignite ignite, int partition, ChangeVisitor visitor) {
        BinaryField[] fields = new BinaryField[4];
        LocalPartition.<BinaryObject>scan(ignite, CHANGE_CACHE, partition, change -> {
            BinaryObject value = change.getValue();
            if (fields[0] == null) {
                // field handles read a value without building a reader per object
                fields[0] = value.type().field(StoredFields.CHANGE_TIMESTAMP);
                fields[1] = value.type().field(StoredFields.CHANGE_TYPE);
                fields[2] = value.type().field(StoredFields.CHANGE_QUANTITY);
                fields[3] = change.getKey().type().field(StoredFields.KEY_PID);
            }
            visitor.change(fields[3].<Long>value(change.getKey()), SALE.equals(fields[1].value(value)),
                    fields[2].<Long>value(value), fields[0].<Long>value(value));
        });
    }
}
