package com.stockoutradar.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import com.stockoutradar.web.GridIntegrationTest;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.TestAccounts;

/**
 * {@code /v3/api-docs} describes every endpoint the application maps, with how to sign in and the problem+json
 * refusals, and is a valid OpenAPI 3 document by swagger-parser's reading.
 */
@GridIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiIT {
    @Autowired
    Radar radar;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private String document;
    private OpenAPI api;

    @BeforeAll
    void readTheDescription() {
        Radar.Answer answer = radar.as(TestAccounts.VIEWER).get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        document = answer.body().toString();
        ParseOptions resolve = new ParseOptions();
        resolve.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, resolve);
        assertThat(parsed.getMessages()).as("swagger-parser's findings").isEmpty();
        api = parsed.getOpenAPI();
    }

    @Test
    void theDocumentIsValidOpenApi3() {
        assertThat(api).isNotNull();
        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(api.getInfo().getTitle()).isEqualTo("Stockout Radar");
    }

    @Test
    void everyEndpointTheApplicationMapsIsDescribed() {
        List<String> mapped = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("com.stockoutradar")) {
                continue; // Spring's error page, springdoc's own
            }
            for (String path : mapping.getKey().getPatternValues()) {
                for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                    mapped.add(method + " " + path);
                }
            }
        }
        List<String> described = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> described.add(method + " " + path)));

        assertThat(mapped).hasSizeGreaterThanOrEqualTo(17);
        assertThat(described).containsAll(mapped);
    }

    @Test
    void everySignedInOperationNamesHowToSignInAndItsRefusals() {
        assertThat(api.getComponents().getSecuritySchemes()).hasEntrySatisfying(ApiDocumentation.API_KEY,
                scheme -> assertThat(scheme.getScheme()).isEqualTo("bearer"));
        assertThat(api.getComponents().getSecuritySchemes()).hasEntrySatisfying(ApiDocumentation.BASIC,
                scheme -> assertThat(scheme.getScheme()).isEqualTo("basic"));
        assertThat(api.getSecurity()).hasSize(2);

        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (path.equals("/login")) {
                assertThat(operation.getSecurity()).as("the login page is open").isEmpty();
                return;
            }
            assertThat(operation.getResponses()).as(method + " " + path)
                    .containsKeys("401", "403", "503")
                    .anySatisfy((status, response) -> assertThat(status).matches("2..|302"));
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertIsProblem(method + " " + path + " " + status, response);
                }
            });
        }));
    }

    @Test
    void endpointsNameTheRefusalsParticularToThem() {
        assertThat(operation("/sale", PathItem.HttpMethod.POST).getResponses())
                .containsKeys("201", "200", "400", "409", "413", "422");
        assertThat(operation("/sales", PathItem.HttpMethod.POST).getResponses())
                .containsKeys("201", "400", "409", "422");
        assertThat(operation("/inventory/{productId}", PathItem.HttpMethod.GET).getResponses())
                .containsKeys("200", "404");
        assertThat(operation("/inventory/import", PathItem.HttpMethod.POST).getResponses())
                .containsKeys("200", "400", "422");
        assertThat(operation("/api/products/{productId}/history", PathItem.HttpMethod.GET).getResponses())
                .containsKeys("200", "400", "404");
    }

    @Test
    void requestsAndAnswersHaveTheirSchemas() {
        Operation sale = operation("/sale", PathItem.HttpMethod.POST);
        assertThat(sale.getRequestBody().getContent().get("application/json").getSchema().get$ref())
                .endsWith("/SaleRequest");
        assertThat(sale.getResponses().get("201").getContent().get("application/json").getSchema().get$ref())
                .endsWith("/ChangeReceipt");
        assertThat(api.getComponents().getSchemas().get("SaleRequest").getProperties())
                .containsKeys("customerId", "productId", "quantity", "timestamp", "eventId");
        assertThat(operation("/api/at-risk", PathItem.HttpMethod.GET).getResponses().get("200").getContent()
                .get("application/json").getSchema().get$ref()).endsWith("/AtRiskPage");
        assertThat(operation("/inventory/import", PathItem.HttpMethod.POST).getRequestBody().getContent())
                .containsKey("text/csv");
    }

    @Test
    void requestsHaveExamples() {
        assertThat(api.getComponents().getSchemas()).allSatisfy((name, schema) -> {
            if (name.endsWith("Request")) {
                assertThat(schema.getExample()).as(name).isNotNull();
            }
        });
        assertThat(operation("/inventory/import", PathItem.HttpMethod.POST).getRequestBody().getContent()
                .get("text/csv").getExamples()).isNotEmpty();
    }

    @Test
    void theProblemsHaveExamples() {
        assertThat(api.getComponents().getResponses()).hasSize(Problems.values().length)
                .allSatisfy((name, response) -> assertThat(response.getContent().get(Problems.MEDIA_TYPE)
                        .getExamples()).as(name).isNotEmpty());
    }

    private Operation operation(String path, PathItem.HttpMethod method) {
        assertThat(api.getPaths()).containsKey(path);
        return api.getPaths().get(path).readOperationsMap().get(method);
    }

    private void assertIsProblem(String what, ApiResponse response) {
        ApiResponse resolved = response.get$ref() == null ? response
                : api.getComponents().getResponses().get(response.get$ref().substring(
                        response.get$ref().lastIndexOf('/') + 1));
        assertThat(resolved).as(what).isNotNull();
        assertThat(resolved.getContent()).as(what).containsKey(Problems.MEDIA_TYPE);
    }
}
