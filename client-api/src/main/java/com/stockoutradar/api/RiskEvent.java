package com.stockoutradar.api;

/**
 * A product entering the at-risk list, leaving it, or moving from one risk class to another.
 *
 * @param productId the product
 * @param name      its name (null when it left and its row said none)
 * @param from      its class before; null: it was not at risk
 * @param to        its class now; null: it is no longer at risk
 * @param at        when the grid recorded it (unix ms)
 */
public record RiskEvent(long productId, String name, RiskClass from, RiskClass to, long at) {

    /** Entering the list, or a more urgent class: what alerts are sent for. */
    public boolean entersAClass() {
        return to != null && (from == null || to.ordinal() < from.ordinal());
    }
}
