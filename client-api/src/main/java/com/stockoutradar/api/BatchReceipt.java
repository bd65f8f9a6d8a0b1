package com.stockoutradar.api;

import java.util.List;

/** The answer to {@code POST /sales}: one receipt per item, in the order of the request. */
public record BatchReceipt(int count, int replayed, List<ChangeReceipt> changes) {
}
