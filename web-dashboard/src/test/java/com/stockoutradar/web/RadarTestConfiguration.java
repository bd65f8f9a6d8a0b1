package com.stockoutradar.web;

import org.apache.ignite.Ignite;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Gives integration tests a {@link Radar} on the running application. */
@TestConfiguration(proxyBeanMethods = false)
class RadarTestConfiguration {

    /** Lazy: the HTTP port is known only once the web server has started, after the beans are made. */
    @Bean
    @Lazy
    Radar radar(Environment environment, Ignite ignite, JdbcTemplate postgres) {
        return new Radar(environment.getRequiredProperty("local.server.port", Integer.class), ignite, postgres);
    }
}
