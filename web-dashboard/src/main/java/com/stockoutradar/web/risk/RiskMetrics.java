package com.stockoutradar.web.risk;

import java.time.Clock;
import java.util.function.ToDoubleFunction;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import com.stockoutradar.api.AtRiskPage;
import com.stockoutradar.api.RiskClass;
import com.stockoutradar.api.RiskRefreshView;
import com.stockoutradar.grid.risk.AtRiskQueries;
import com.stockoutradar.web.metrics.MetricsProperties;
import com.stockoutradar.web.metrics.Sampled;

/**
 * The products at risk now per class, and the current refresh's duration and products scanned, as the dashboard
 * reads them: an empty page of the list carries both. A refresh run by another application instance counts too.
 */
@Component
class RiskMetrics implements MeterBinder {
    private final Sampled<AtRiskPage> list;

    RiskMetrics(AtRiskQueries queries, MetricsProperties settings, Clock clock) {
        this.list = new Sampled<>(() -> queries.page(AtRiskQueries.Filter.RANKING, 0, 0), settings.sampleFor(),
                clock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RiskClass riskClass : RiskClass.values()) {
            Gauge.builder("radar.risk.at.risk", list, l -> l.get().counts().atRisk(riskClass))
                    .description("products at risk now").tag("class", riskClass.name()).register(registry);
        }
        Gauge.builder("radar.risk.refresh.duration", list, refresh(r -> r.durationMillis() / 1000.0))
                .description("how long the current risk refresh took").baseUnit("seconds").register(registry);
        Gauge.builder("radar.risk.refresh.products.scanned", list, refresh(RiskRefreshView::productsScanned))
                .description("products the current risk refresh scanned").register(registry);
    }

    /** Before the first refresh there is none to tell of. */
    private static ToDoubleFunction<Sampled<AtRiskPage>> refresh(ToDoubleFunction<RiskRefreshView> value) {
        return l -> {
            RiskRefreshView refresh = l.get().refresh();
            return refresh == null ? Double.NaN : value.applyAsDouble(refresh);
        };
    }
}
