package com.stockoutradar.grid.risk;

import java.io.Serializable;

/** When a product is next assessed again, time alone having changed its numbers: the {@code RISK_REVIEW} row. */
public final class RiskReview implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Unix seconds. */
    private final long reviewAt;

    public RiskReview(long reviewAt) {
        this.reviewAt = reviewAt;
    }

    public long reviewAt() {
        return reviewAt;
    }
}
