package com.stockoutradar.web.ingest;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.ChangeType;
import com.stockoutradar.web.ApiProperties;

/**
 * What ingestion acknowledged: changes by type, new or replayed (an event id sent again), and the size of each
 * batch. Registered up front, so that every series exists from the start and a rate over it is never missing.
 */
@Component
class IngestMetrics {
    private final Map<ChangeType, Counter> recorded = new EnumMap<>(ChangeType.class);
    private final Map<ChangeType, Counter> replayed = new EnumMap<>(ChangeType.class);
    private final DistributionSummary batchSizes;

    IngestMetrics(MeterRegistry registry, ApiProperties api) {
        for (ChangeType type : ChangeType.values()) {
            recorded.put(type, acknowledged(registry, type, false));
            replayed.put(type, acknowledged(registry, type, true));
        }
        batchSizes = DistributionSummary.builder("radar.ingest.batch.size")
                .description("sales per POST /sales batch")
                .publishPercentileHistogram().minimumExpectedValue(1.0)
                .maximumExpectedValue((double) api.maxBatchSize()).register(registry);
    }

    void acknowledged(ChangeReceipt receipt) {
        (receipt.replayed() ? replayed : recorded).get(receipt.type()).increment();
    }

    void batch(int size) {
        batchSizes.record(size);
    }

    private static Counter acknowledged(MeterRegistry registry, ChangeType type, boolean replayed) {
        return Counter.builder("radar.changes.acknowledged")
                .description("changes acknowledged to their sender: recorded (201) or answered again (replayed)")
                .tag("type", type.name()).tag("replayed", String.valueOf(replayed)).register(registry);
    }
}
