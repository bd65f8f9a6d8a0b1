package com.stockoutradar.grid.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo shop seeded into an empty database (the design brief's Tier I).
 *
 * @param enabled     seed when the {@code product} table is empty
 * @param seed        random seed: the same seed gives the same shop, relative to the start time
 * @param products    number of products
 * @param customers   number of customers
 * @param salesPerDay average sales a day across the shop
 * @param days        days of history before now
 */
@ConfigurationProperties("radar.demo")
public record DemoProperties(boolean enabled, long seed, int products, int customers, int salesPerDay, int days) {
}
