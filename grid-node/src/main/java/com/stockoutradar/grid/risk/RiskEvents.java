package com.stockoutradar.grid.risk;

import static com.stockoutradar.api.GridNames.LIVE_RISK_CACHE;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.cache.configuration.FactoryBuilder;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.CacheEntryEventSerializableFilter;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import com.stockoutradar.api.RiskClass;
import com.stockoutradar.api.RiskEvent;
import com.stockoutradar.compute.risk.StoredFields;

/**
 * Products entering, leaving or changing class on the live at-risk list, as they happen: one continuous query on
 * {@code LIVE_RISK}, filtered on the nodes that hold the rows (only class changes travel; a sale that leaves a
 * product in its class sends nothing), handed to every subscriber in this process.
 */
@Service
public class RiskEvents implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RiskEvents.class);
    /** Started before, and stopped after, the web server: the last requests' changes still make their events. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final Ignite ignite;
    private final List<Consumer<RiskEvent>> subscribers = new CopyOnWriteArrayList<>();
    private volatile QueryCursor<?> query;

    public RiskEvents(Ignite ignite) {
        this.ignite = ignite;
    }

    /**
     * Calls {@code subscriber} with every event from now on. On a node that holds the rows it is called by the thread
     * that commits the change (an HTTP request's): it must hand the event on and never block.
     */
    public AutoCloseable subscribe(Consumer<RiskEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void start() {
        IgniteCache<Long, BinaryObject> live = ignite.cache(LIVE_RISK_CACHE).withKeepBinary();
        ContinuousQuery<Long, BinaryObject> changes = new ContinuousQuery<Long, BinaryObject>()
                .setLocalListener(events -> events.forEach(this::publish));
        changes.setRemoteFilterFactory(FactoryBuilder.factoryOf(new ClassChanged()));
        query = live.query(changes);
    }

    private void publish(CacheEntryEvent<? extends Long, ? extends BinaryObject> event) {
        RiskEvent risk = new RiskEvent(event.getKey(), name(event), riskClass(event.getOldValue()),
                event.getEventType() == EventType.REMOVED ? null : riskClass(event.getValue()),
                System.currentTimeMillis());
        for (Consumer<RiskEvent> subscriber : subscribers) {
            try {
                subscriber.accept(risk);
            } catch (RuntimeException e) {
                log.warn("a subscriber to risk events failed on {}: {}", risk, e.toString());
            }
        }
    }

    private static String name(CacheEntryEvent<? extends Long, ? extends BinaryObject> event) {
        BinaryObject row = event.getValue() != null ? event.getValue() : event.getOldValue();
        return row == null ? null : row.field(StoredFields.RISK_NAME);
    }

    private static RiskClass riskClass(BinaryObject row) {
        return row == null ? null : RiskClass.valueOf(row.<String>field(StoredFields.RISK_CLASS));
    }

    @Override
    public void stop() {
        QueryCursor<?> running = query;
        if (running != null) {
            running.close();
        }
        query = null;
    }

    @Override
    public boolean isRunning() {
        return query != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Runs where the rows are: passes creations, removals and updates that change the class. */
    private static final class ClassChanged implements CacheEntryEventSerializableFilter<Long, BinaryObject> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean evaluate(CacheEntryEvent<? extends Long, ? extends BinaryObject> event) {
            if (event.getEventType() != EventType.UPDATED || event.getOldValue() == null) {
                return true;
            }
            Object before = event.getOldValue().field(StoredFields.RISK_CLASS);
            Object after = event.getValue().field(StoredFields.RISK_CLASS);
            return !before.equals(after);
        }
    }
}
