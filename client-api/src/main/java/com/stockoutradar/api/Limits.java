package com.stockoutradar.api;

/**
 * The bounds of what the system accepts, defined once for the API, the import and the grid.
 * <p>
 * They keep every long the system computes far from overflow (a long ends at about 9.2 × 10<sup>18</sup>): a
 * stock within ±{@link #MAX_STOCK} moved by one change of at most {@link #MAX_QUANTITY} units stays within
 * ±(10<sup>15</sup> + 10<sup>9</sup>), and a sum of quantities (a product's sales or restocks over a window, in the
 * grid, the risk arithmetic or PostgreSQL's bigint columns) would need over nine billion changes of the largest
 * quantity to overflow.
 */
public final class Limits {
    /** The most units one sale or restock may carry. */
    public static final long MAX_QUANTITY = 1_000_000_000L;

    /** The largest stock a product may hold, either way: stock may be negative, down to {@code -MAX_STOCK}. */
    public static final long MAX_STOCK = 1_000_000_000_000_000L;

    /**
     * What event ids and product names may hold: no control characters (U+0000–U+001F, U+007F). PostgreSQL's text
     * cannot hold U+0000 at all, so writing it there would fail; the others split log lines and CSV rows.
     */
    public static final String NO_CONTROL_CHARACTERS = "\\P{Cntrl}*";
    public static final String NO_CONTROL_CHARACTERS_MESSAGE = "must not contain control characters";

    private Limits() {
    }
}
