package com.stockoutradar.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The refusals the API answers, as reusable responses ({@code #/components/responses/<name>}): each an
 * {@code application/problem+json} body with an example of what {@code ApiProblems} and {@code Refusals} send.
 */
enum Problems {
    BAD_REQUEST(400, "Invalid input: malformed JSON, a missing or unknown field, a wrong type, a value out of bounds",
            "https://stockout-radar.dev/problems/invalid-input", "Invalid input", "quantity: must be at least 1",
            List.of(Map.of("field", "quantity", "reason", "must be at least 1")), null),
    UNAUTHORIZED(401, "No or wrong credentials (a dashboard page sends the browser to the login page instead)",
            "https://stockout-radar.dev/problems/unauthenticated", "Not signed in",
            "sign in: Authorization: Bearer <API key>, or HTTP Basic with a user name and password", null, null),
    FORBIDDEN(403, "Signed in without the role this endpoint needs",
            "https://stockout-radar.dev/problems/forbidden", "Forbidden",
            "API key 'shop' lacks the role for GET /api/at-risk", null, null),
    NOT_FOUND(404, "No such product", "about:blank", "Not Found", "no product 42", null, null),
    CONFLICT(409, "The event id was used before with another product, type, quantity, timestamp or customer; the "
            + "first change stands", "https://stockout-radar.dev/problems/invalid-input", "Event id already used",
            "eventId: used by change 1234 with other values",
            List.of(Map.of("field", "eventId", "reason", "used by change 1234 with other values")), 1234L),
    PAYLOAD_TOO_LARGE(413, "The body is larger than radar.api.max-body-size",
            "https://stockout-radar.dev/problems/invalid-input", null, "the request body is larger than 4194304 bytes",
            List.of(Map.of("field", "body", "reason", "larger than 4194304 bytes")), null),
    UNPROCESSABLE(422, "Well-formed but not acceptable: an unknown product, a timestamp too far in the future or "
            + "older than the retention window, stock past its bounds",
            "https://stockout-radar.dev/problems/invalid-input", "Unprocessable input", "productId: unknown product 42",
            List.of(Map.of("field", "productId", "reason", "unknown product 42")), null),
    UNAVAILABLE(503, "Nothing was stored; send it again after Retry-After seconds (with an event id, safely): "
            + "products locked too long, lost partitions, PostgreSQL too far behind, the data disk nearly full",
            "https://stockout-radar.dev/problems/unavailable", "Temporarily unavailable",
            "PostgreSQL is 1000000 writes behind on this node", null, null);

    static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String SCHEMA = "Problem";

    final int status;
    private final String description;
    private final Map<String, Object> example;

    Problems(int status, String description, String type, String title, String detail,
             List<Map<String, Object>> errors, Long firstChangeId) {
        this.status = status;
        this.description = description;
        this.example = new LinkedHashMap<>();
        example.put("type", type);
        if (title != null) {
            example.put("title", title);
        }
        example.put("status", status);
        example.put("detail", detail);
        if (errors != null) {
            example.put("errors", errors);
        }
        if (firstChangeId != null) {
            example.put("firstChangeId", firstChangeId);
        }
    }

    /** The name under {@code #/components/responses}: BAD_REQUEST is BadRequest. */
    String componentName() {
        StringBuilder name = new StringBuilder();
        for (String word : name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase());
        }
        return name.toString();
    }

    String ref() {
        return "#/components/responses/" + componentName();
    }

    ApiResponse response() {
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(
                MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))
                        .addExamples(name().toLowerCase(), new Example().value(example))));
        if (this == UNAVAILABLE) {
            response.addHeaderObject("Retry-After", new Header().description("seconds to wait before sending again")
                    .schema(new IntegerSchema()));
        }
        return response;
    }

    /** RFC 9457 problem details, with the fields at fault. */
    static Schema<?> schema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("a JSON path (quantity, [3].productId) or a "
                        + "CSV column"))
                .addProperty("index", new IntegerSchema().format("int64").description("the item in a batch or the "
                        + "line in a file"))
                .addProperty("reason", new StringSchema())
                .required(List.of("field", "reason"));
        return new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(fieldProblem).description("every field at fault"))
                .addProperty("firstChangeId", new IntegerSchema().format("int64")
                        .description("409: the change that holds the event id"))
                .required(List.of("type", "status", "detail"));
    }
}
