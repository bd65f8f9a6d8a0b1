package com.stockoutradar.grid;

import javax.sql.DataSource;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.IgniteSpring;
import org.apache.ignite.IgniteSystemProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import com.stockoutradar.grid.store.StoreProperties;

/** Everything that makes this process an Ignite node; imported by the grid-node and the web application. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ConfigurationPropertiesScan
public class GridConfiguration {

    /**
     * Starts the node and, on a server, prepares its data before anyone can use it. {@code dataSource} is declared
     * so that Spring closes the pool only after the node's last write-behind flush.
     */
    @Bean(destroyMethod = "close")
    Ignite ignite(GridProperties grid, StoreProperties store, ApplicationContext context, DataSource dataSource,
                  ObjectProvider<GridBootstrap> bootstrap) throws IgniteCheckedException {
        GridBootstrap serverBootstrap = bootstrap.getIfAvailable();
        if (serverBootstrap != null) {
            serverBootstrap.beforeStart();
        }
        // Spring stops the node (closing the context), in order: before the pool and PostgreSQL it flushes into.
        System.setProperty(IgniteSystemProperties.IGNITE_NO_SHUTDOWN_HOOK, "true");
        Ignite ignite = IgniteSpring.start(IgniteConfigurationFactory.create(grid, store), context);
        if (serverBootstrap != null) {
            try {
                serverBootstrap.afterStart(ignite);
            } catch (RuntimeException e) {
                ignite.close();
                throw e;
            }
        }
        return ignite;
    }
}
