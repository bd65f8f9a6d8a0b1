package com.stockoutradar.node;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

import com.stockoutradar.grid.GridConfiguration;

/** A server node and nothing else: run more of these to grow the cluster. Configured by {@code grid-node.yml}. */
@SpringBootApplication
@Import(GridConfiguration.class)
public class GridNodeApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GridNodeApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=grid-node");
    }
}
