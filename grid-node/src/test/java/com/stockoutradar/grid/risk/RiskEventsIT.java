package com.stockoutradar.grid.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.stockoutradar.api.RiskClass;
import com.stockoutradar.api.RiskEvent;
import com.stockoutradar.grid.support.TestNode;

/**
 * A product that goes out of stock enters the list as an event within a second of the sale, and leaves it with the
 * restock; sales that leave a product in its class send nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskEventsIT {
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private TestNode node;
    private final List<RiskEvent> events = new CopyOnWriteArrayList<>();
    private AutoCloseable subscription;

    @BeforeAll
    void startNodeAndSubscribe() {
        node = TestNode.start();
        subscription = node.context().getBean(RiskEvents.class).subscribe(events::add);
    }

    @AfterAll
    void stop() throws Exception {
        subscription.close();
        node.close();
    }

    @Test
    void aProductEntersTheListWhenItSellsOutAndLeavesItWhenRestocked() {
        long product = node.newProduct(2);

        node.sell(product, 2, null);
        await().atMost(WITHIN).until(() -> eventsOf(product).size() == 1);
        node.restock(product, 1_000);
        await().atMost(WITHIN).until(() -> eventsOf(product).size() == 2);

        RiskEvent entered = eventsOf(product).get(0);
        assertThat(entered.from()).isNull();
        assertThat(entered.to()).isEqualTo(RiskClass.OUT_OF_STOCK);
        assertThat(entered.entersAClass()).isTrue();
        RiskEvent left = eventsOf(product).get(1);
        assertThat(left.from()).isEqualTo(RiskClass.OUT_OF_STOCK);
        assertThat(left.to()).isNull();
        assertThat(left.entersAClass()).isFalse();
    }

    @Test
    void salesThatLeaveAProductInItsClassSendNothing() {
        long product = node.newProduct(0); // out of stock from the start
        await().atMost(WITHIN).until(() -> eventsOf(product).size() == 1);

        node.sell(product, 1, null);
        node.sell(product, 1, null);
        node.restock(product, 1_000); // its events come in order: any from the sales would come before this one
        await().atMost(WITHIN).until(() -> eventsOf(product).size() >= 2);

        assertThat(eventsOf(product)).extracting(RiskEvent::to).containsExactly(RiskClass.OUT_OF_STOCK, null);
    }

    private List<RiskEvent> eventsOf(long product) {
        return events.stream().filter(event -> event.productId() == product).toList();
    }
}
