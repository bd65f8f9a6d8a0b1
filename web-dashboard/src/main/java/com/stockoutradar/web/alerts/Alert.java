package com.stockoutradar.web.alerts;

import java.util.UUID;

import com.stockoutradar.api.RiskClass;
import com.stockoutradar.api.RiskEvent;

/**
 * The body of one webhook delivery: a product that entered the at-risk list or a more urgent class.
 *
 * @param id        unique per delivery (one event to one webhook), the same on every attempt: receivers de-duplicate
 *                  by it
 * @param productId the product
 * @param name      its name
 * @param from      its class before; null: it was not at risk
 * @param to        its class now
 * @param at        when the grid recorded it (unix ms)
 */
record Alert(String id, long productId, String name, RiskClass from, RiskClass to, long at) {

    static Alert of(RiskEvent event) {
        return new Alert(UUID.randomUUID().toString(), event.productId(), event.name(), event.from(), event.to(),
                event.at());
    }
}
