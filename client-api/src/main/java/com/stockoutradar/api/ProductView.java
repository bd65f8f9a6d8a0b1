package com.stockoutradar.api;

import java.util.List;

/** {@code GET /inventory/{productId}}: current stock and the latest changes, newest first. */
public record ProductView(long productId, String name, long stock, long updatedAt, List<ChangeView> lastChanges) {
}
