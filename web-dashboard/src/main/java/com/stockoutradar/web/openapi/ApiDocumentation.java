package com.stockoutradar.web.openapi;

import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): springdoc reads the
 * controllers; this adds how to sign in and the refusals every endpoint may answer, so that controllers name only
 * those particular to them ({@code @ApiResponse(ref = "NotFound")}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {
    static final String API_KEY = "apiKey";
    static final String BASIC = "basic";
    /** Answered by any endpoint that reads or writes the grid. */
    private static final Set<Problems> EVERYWHERE = Set.of(Problems.UNAUTHORIZED, Problems.FORBIDDEN,
            Problems.UNAVAILABLE);
    /** What a sender writes, shown beside each request schema (Swagger UI fills "Try it out" with it). */
    private static final Map<String, Map<String, Object>> EXAMPLES = Map.of(
            "SaleRequest", Map.of("customerId", 7, "productId", 1, "quantity", 2, "timestamp", 1_764_460_800L,
                    "eventId", "order-1-line-1"),
            "RestockRequest", Map.of("productId", 1, "quantity", 50, "timestamp", 1_764_460_800L,
                    "eventId", "delivery-88-line-3"),
            "ProductRequest", Map.of("stock", 120, "name", "Espresso cups"));

    @Bean
    OpenAPI radarApi() {
        Components components = new Components()
                .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("a machine's API key (radar.security.api-keys.<name>.key): "
                                + "Authorization: Bearer <key>"))
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("a person's name and password (radar.security.users.<name>)"))
                .addSchemas(Problems.SCHEMA, Problems.schema());
        for (Problems problem : Problems.values()) {
            components.addResponses(problem.componentName(), problem.response());
        }
        return new OpenAPI()
                .info(new Info().title("Stockout Radar").version("1")
                        .description("Records sales and restocks, keeps stock, and tells which products will run out "
                                + "within a week. Every endpoint asks who is calling: an API key or a user; each "
                                + "needs a role (INGEST, INVENTORY, VIEWER, OPERATOR)."))
                .components(components)
                // either scheme will do
                .addSecurityItem(new SecurityRequirement().addList(API_KEY))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** Request schemas get their example; a renamed request record fails here rather than losing it silently. */
    @Bean
    OpenApiCustomizer examples() {
        return api -> EXAMPLES.forEach((name, example) -> {
            Schema<?> schema = api.getComponents().getSchemas().get(name);
            if (schema == null) {
                throw new IllegalStateException("no schema " + name + " to show an example of");
            }
            schema.example(example);
        });
    }

    /** Every signed-in operation may be refused; one with parameters or a body may be sent wrong (400). */
    @Bean
    OpenApiCustomizer refusals() {
        return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getSecurity() != null && operation.getSecurity().isEmpty()) {
                return; // open to anyone: the login page
            }
            for (Problems problem : EVERYWHERE) {
                addIfAbsent(operation, problem);
            }
            boolean takesInput = operation.getRequestBody() != null
                    || (operation.getParameters() != null && !operation.getParameters().isEmpty());
            if (takesInput) {
                addIfAbsent(operation, Problems.BAD_REQUEST);
            }
        }));
    }

    private static void addIfAbsent(Operation operation, Problems problem) {
        ApiResponses responses = operation.getResponses();
        String status = String.valueOf(problem.status);
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref(problem.ref()));
        }
    }
}
