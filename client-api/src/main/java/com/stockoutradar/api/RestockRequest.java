package com.stockoutradar.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** {@code POST /restock}: {@code quantity} units of a product arrived at {@code timestamp} (unix s, UTC). */
public record RestockRequest(
        @NotNull @PositiveOrZero Long productId,
        @NotNull @Positive @Max(Limits.MAX_QUANTITY) Long quantity,
        @NotNull @PositiveOrZero Long timestamp,
        @Size(min = 1, max = 128)
        @Pattern(regexp = Limits.NO_CONTROL_CHARACTERS, message = Limits.NO_CONTROL_CHARACTERS_MESSAGE)
        String eventId) {

    public RestockRequest withEventId(String newEventId) {
        return new RestockRequest(productId, quantity, timestamp, newEventId);
    }
}
