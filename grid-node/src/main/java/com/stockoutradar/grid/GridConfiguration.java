package com.stockoutradar.grid;

import java.time.Clock;

import javax.sql.DataSource;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.IgniteSpring;
import org.apache.ignite.IgniteAuthenticationException;
import org.apache.ignite.IgniteSystemProperties;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.internal.util.typedef.X;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import com.stockoutradar.grid.cluster.ClusterActivation;
import com.stockoutradar.grid.cluster.ClusterMembers;
import com.stockoutradar.grid.risk.RiskProperties;
import com.stockoutradar.grid.security.Accounts;
import com.stockoutradar.grid.store.StoreProperties;

/** Everything that makes this process an Ignite node; imported by the grid-node and the web application. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ConfigurationPropertiesScan
public class GridConfiguration {
    private static final Logger log = LoggerFactory.getLogger(GridConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Starts the node and, on a server, brings its data into service before anyone can use it: activation, then a
     * reload from PostgreSQL if the grid is empty. {@code dataSource} is declared so that Spring closes the pool
     * only after the node (and the outbox drainer before it) has stopped.
     */
    @Bean(destroyMethod = "close")
    Ignite ignite(GridProperties grid, StoreProperties store, RiskProperties risk, Accounts accounts,
                  ApplicationContext context, DataSource dataSource, ObjectProvider<GridBootstrap> bootstrap)
            throws IgniteCheckedException {
        GridBootstrap serverBootstrap = bootstrap.getIfAvailable();
        if (serverBootstrap != null) {
            serverBootstrap.beforeStart();
        }
        // Spring stops the node (closing the context), in order: after the drainer that reads from it.
        System.setProperty(IgniteSystemProperties.IGNITE_NO_SHUTDOWN_HOOK, "true");
        Ignite ignite = start(IgniteConfigurationFactory.create(grid, store, risk, accounts), context);
        try {
            if (serverBootstrap != null) {
                ClusterActivation.activateServer(ignite, grid.initialNodes());
                serverBootstrap.afterStart(ignite);
            } else {
                ClusterActivation.awaitActive(ignite);
            }
            log.info("joined an active cluster of {}", ClusterMembers.describe(ignite));
        } catch (RuntimeException e) {
            ignite.close();
            throw e;
        }
        return ignite;
    }

    /** Ignite says only "Authentication failed" when the cluster refuses this node; this says why. */
    private static Ignite start(IgniteConfiguration configuration, ApplicationContext context)
            throws IgniteCheckedException {
        try {
            return IgniteSpring.start(configuration, context);
        } catch (IgniteCheckedException e) {
            if (X.hasCause(e, IgniteAuthenticationException.class)) {
                throw new IllegalStateException("The cluster refused this node: its cluster secret did not match "
                        + "(radar.security.cluster-secret must be the same on every node and the application)", e);
            }
            throw e;
        }
    }
}
