package com.stockoutradar.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole application, for real, once per test class: an Ignite server node and an embedded PostgreSQL with its
 * own data directory, on ports apart from a locally running app. The context is closed after the class so that
 * no two test classes' nodes ever find each other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "radar.demo.enabled=false",
    "radar.embedded-postgres.data-directory=target/it-data/${random.uuid}",
    "radar.embedded-postgres.port=0",
    "radar.grid.instance-name=it-${random.uuid}",
    "radar.grid.work-directory=target/it-data/ignite",
    "radar.grid.discovery-port=" + TestPorts.DISCOVERY,
    "radar.grid.discovery-addresses=" + TestPorts.DISCOVERY_ADDRESSES,
    "radar.grid.communication-port=" + TestPorts.COMMUNICATION,
    "radar.grid.client-connector-port=" + TestPorts.CLIENT_CONNECTOR,
    "radar.grid.data-region-size=256MB",
    "radar.store.flush-frequency=200ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface GridIntegrationTest {
}
