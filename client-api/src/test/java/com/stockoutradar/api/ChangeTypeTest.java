package com.stockoutradar.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChangeTypeTest {

    @Test
    void saleTakesFromStockAndRestockAddsToIt() {
        assertThat(ChangeType.SALE.apply(10, 3)).isEqualTo(7);
        assertThat(ChangeType.RESTOCK.apply(10, 3)).isEqualTo(13);
    }

    @Test
    void saleMayTakeStockBelowZero() {
        assertThat(ChangeType.SALE.apply(1, 4)).isEqualTo(-3);
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> ChangeType.RESTOCK.apply(Long.MAX_VALUE, 1)).isInstanceOf(ArithmeticException.class);
    }
}
