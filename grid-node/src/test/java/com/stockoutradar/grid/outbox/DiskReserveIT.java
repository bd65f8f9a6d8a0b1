package com.stockoutradar.grid.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.stockoutradar.grid.cluster.GridUnavailableException;
import com.stockoutradar.grid.ingest.ChangeBatch;
import com.stockoutradar.grid.support.TestNode;

/**
 * A node whose data disk has less free space than the reserve it keeps takes no writes (503 for the API), before
 * a full disk could stop it; it still answers reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiskReserveIT {
    private TestNode node;

    @BeforeAll
    void start() {
        node = TestNode.start(Map.of("radar.grid.min-free-disk", "100000TB")); // more than any disk here
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Test
    void writesAreRefusedWhileTheDiskIsBelowItsReserve() {
        assertThatThrownBy(() -> node.inventory().set(4_242, 10, "Lamp"))
                .isInstanceOf(GridUnavailableException.class).hasMessageContaining("disk");
        assertThatThrownBy(() -> node.recorder().record(ChangeBatch.ofSales(List.of(TestNode.sale(4_242, 1, null)))))
                .isInstanceOf(GridUnavailableException.class).hasMessageContaining("MB kept in reserve");

        assertThat(node.inventory().product(4_242, 5)).as("nothing was created").isEmpty();
        assertThat(node.postgres().queryForObject("SELECT count(*) FROM product", Long.class)).isZero();
    }
}
