package com.stockoutradar.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.stockoutradar.grid.GridConfiguration;

/**
 * The Stockout Radar application: ingestion and inventory API. With no configuration it is a whole system in one
 * process (an Ignite server node, an embedded PostgreSQL, demo data); configured for a cluster it joins as a client.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(GridConfiguration.class)
public class StockoutRadarApplication {

    public static void main(String[] args) {
        SpringApplication.run(StockoutRadarApplication.class, args);
    }
}
