package com.stockoutradar.web.inventory;

import java.util.ArrayList;
import java.util.List;

import org.roaringbitmap.longlong.Roaring64Bitmap;

/**
 * Finds the product ids an import holds on more than one line. An import may hold 100M products, so the ids seen
 * are kept in a compressed bitmap (a few bytes an id, a few bits when they are dense) rather than a set of boxed
 * longs; only the first repeats are kept.
 */
final class RepeatedProductIds {
    /** A product id found again on {@code line}. */
    record Repeat(long line, long productId) {
    }

    private final Roaring64Bitmap seen = new Roaring64Bitmap();
    private final List<Repeat> repeats = new ArrayList<>();
    private final int maxRepeats;

    RepeatedProductIds(int maxRepeats) {
        this.maxRepeats = maxRepeats;
    }

    void add(long line, long productId) {
        if (!seen.contains(productId)) {
            seen.addLong(productId);
        } else if (repeats.size() < maxRepeats) {
            repeats.add(new Repeat(line, productId));
        }
    }

    /** The first repeats, in line order. */
    List<Repeat> repeats() {
        return repeats;
    }
}
