package com.stockoutradar.grid.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.compute.risk.AtRiskKey;
import com.stockoutradar.compute.risk.AtRiskRow;
import com.stockoutradar.compute.risk.StoredFields;
import com.stockoutradar.grid.outbox.PendingWriteKey;

/**
 * The scans read stored values by field name, without deserialising them; Ignite names a binary field after the
 * Java field that wrote it. So each name the scans use is a field of the class that writes it, of the type read.
 */
class StoredFieldsTest {

    static Stream<Arguments> namesTheScansRead() {
        return Stream.of(
                Arguments.of(Product.class, StoredFields.PRODUCT_STOCK, long.class),
                Arguments.of(Product.class, StoredFields.PRODUCT_NAME, String.class),
                Arguments.of(Product.class, StoredFields.PRODUCT_VERSION, long.class),
                Arguments.of(Product.class, StoredFields.PRODUCT_DEMAND, long[].class),
                Arguments.of(InventoryChange.class, StoredFields.CHANGE_TYPE, String.class),
                Arguments.of(InventoryChange.class, StoredFields.CHANGE_QUANTITY, long.class),
                Arguments.of(InventoryChange.class, StoredFields.CHANGE_TIMESTAMP, long.class),
                Arguments.of(InventoryChangeKey.class, StoredFields.KEY_PID, long.class),
                Arguments.of(PendingWriteKey.class, StoredFields.KEY_PID, long.class),
                Arguments.of(AtRiskKey.class, StoredFields.KEY_PID, long.class),
                Arguments.of(AtRiskKey.class, StoredFields.AT_RISK_KEY_REFRESH_ID, long.class),
                Arguments.of(AtRiskRow.class, StoredFields.RISK_CLASS, String.class),
                Arguments.of(AtRiskRow.class, StoredFields.RISK_NAME, String.class));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("namesTheScansRead")
    void eachNameTheScansReadIsAFieldOfTheClassThatWritesIt(Class<?> writer, String name, Class<?> type)
            throws NoSuchFieldException {
        Field field = writer.getDeclaredField(name);

        assertThat(field.getType()).isEqualTo(type);
    }
}
