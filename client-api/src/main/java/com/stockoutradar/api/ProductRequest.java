package com.stockoutradar.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /inventory/{productId}}: sets a product's stock (may be negative), and its name when given. */
public record ProductRequest(@NotNull Long stock, @Size(max = 500) String name) {
}
