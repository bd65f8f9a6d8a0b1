package com.stockoutradar.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** {@code POST /sale}: a customer bought {@code quantity} units of a product at {@code timestamp} (unix s, UTC). */
public record SaleRequest(
        @NotNull @PositiveOrZero Long customerId,
        @NotNull @PositiveOrZero Long productId,
        @NotNull @Positive @Max(Limits.MAX_QUANTITY) Long quantity,
        @NotNull @PositiveOrZero Long timestamp,
        @Size(min = 1, max = 128)
        @Pattern(regexp = Limits.NO_CONTROL_CHARACTERS, message = Limits.NO_CONTROL_CHARACTERS_MESSAGE)
        String eventId) {

    public SaleRequest withEventId(String newEventId) {
        return new SaleRequest(customerId, productId, quantity, timestamp, newEventId);
    }
}
