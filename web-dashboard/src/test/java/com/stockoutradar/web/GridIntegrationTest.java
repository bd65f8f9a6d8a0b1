package com.stockoutradar.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application, for real, once per test class: an Ignite server node and an embedded PostgreSQL with its
 * own data directory ({@code grid-it.properties}). The context is closed after the class so that no two test
 * classes' nodes ever find each other. Metrics are exported as in production ({@code /actuator/prometheus}); Spring
 * Boot's tests would switch exporters off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = TestApps.PROPERTIES)
@Import(RadarTestConfiguration.class)
@AutoConfigureObservability(tracing = false)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface GridIntegrationTest {
}
