package com.stockoutradar.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PUT /inventory/{productId}}: sets a product's stock (may be negative), and its name when given. */
public record ProductRequest(
        @NotNull @Min(-Limits.MAX_STOCK) @Max(Limits.MAX_STOCK) Long stock,
        @Size(max = 500)
        @Pattern(regexp = Limits.NO_CONTROL_CHARACTERS, message = Limits.NO_CONTROL_CHARACTERS_MESSAGE)
        String name) {
}
