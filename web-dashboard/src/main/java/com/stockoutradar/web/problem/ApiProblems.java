package com.stockoutradar.web.problem;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import com.stockoutradar.grid.cluster.GridUnavailableException;
import com.stockoutradar.grid.ingest.EventIdConflictException;
import com.stockoutradar.grid.ingest.UnknownProductsException;
import com.stockoutradar.grid.inventory.StockOutOfRangeException;

/**
 * Every refused request gets an {@code application/problem+json} answer naming the fields at fault and why, in
 * {@code errors: [{field, index?, reason}]}.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final URI INVALID_INPUT = URI.create("https://stockout-radar.dev/problems/invalid-input");
    private static final URI UNAVAILABLE = URI.create("https://stockout-radar.dev/problems/unavailable");

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return problem(e.status(), e.problems());
    }

    /** A single change for an unknown product; batches name each item themselves. */
    @ExceptionHandler(UnknownProductsException.class)
    ResponseEntity<ProblemDetail> unknownProducts(UnknownProductsException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, List.of(FieldProblem.of("productId",
                "unknown product " + e.productIds().stream().map(String::valueOf).collect(Collectors.joining(", ")))));
    }

    /** A used event id sent with another payload: the first change stands. */
    @ExceptionHandler(EventIdConflictException.class)
    ResponseEntity<ProblemDetail> eventIdConflict(EventIdConflictException e) {
        ProblemDetail problem = body(HttpStatus.CONFLICT, List.of(field(e.index(), "eventId", e.getMessage())));
        problem.setTitle("Event id already used");
        problem.setProperty("firstChangeId", e.firstChangeId());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(StockOutOfRangeException.class)
    ResponseEntity<ProblemDetail> stockOutOfRange(StockOutOfRangeException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, List.of(field(e.index(), "quantity", e.getMessage())));
    }

    /** Nothing was stored; the same request can be sent again later (with an event id, safely). */
    @ExceptionHandler(GridUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(GridUnavailableException e) {
        return unavailableProblem(e);
    }

    /**
     * A grid failure that passes (lost partitions, an inactive cluster, a stopped node) is 503; anything else stays
     * an error.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> gridFailure(RuntimeException e) {
        return unavailableProblem(GridUnavailableException.of(e).orElseThrow(() -> e));
    }

    private static ResponseEntity<ProblemDetail> unavailableProblem(GridUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(UNAVAILABLE);
        problem.setTitle("Temporarily unavailable");
        log.warn("answered 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem);
    }

    private static FieldProblem field(int index, String field, String reason) {
        return index < 0 ? FieldProblem.of(field, reason) : FieldProblem.at(index, field, reason);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, List.of(FieldProblem.of(e.getName(),
                "must be " + (e.getRequiredType() == null ? "a value" : article(e.getRequiredType()))
                        + ", was " + quoted(e.getValue()))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> FieldProblem.of(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, problems));
    }

    /** Constraints checked outside Spring MVC's own parameter validation. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> problems = e.getConstraintViolations().stream()
                .map(v -> {
                    String field = null;
                    for (Path.Node node : v.getPropertyPath()) {
                        field = node.getName();
                    }
                    return FieldProblem.of(field, v.getMessage());
                })
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, problems);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a validated body names its fields; a path or query parameter names itself
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(r -> r instanceof ParameterErrors body
                        ? body.getFieldErrors().stream().map(f -> FieldProblem.of(f.getField(), f.getDefaultMessage()))
                        : r.getResolvableErrors().stream().map(err -> FieldProblem.of(
                                r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimit.PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(payloadTooLarge(tooLarge.maxBytes()));
            }
        }
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, List.of(unreadable(e.getCause()))));
    }

    static ProblemDetail payloadTooLarge(long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "the request body is larger than " + maxBytes + " bytes");
        problem.setType(INVALID_INPUT);
        problem.setProperty("errors", List.of(FieldProblem.of("body", "larger than " + maxBytes + " bytes")));
        return problem;
    }

    /** Names the JSON field a parse error happened at, with a reason a sender can act on. */
    private static FieldProblem unreadable(Throwable cause) {
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            Long index = mapping.getPath().get(0).getIndex() >= 0 ? (long) mapping.getPath().get(0).getIndex() : null;
            String reason;
            if (cause instanceof UnrecognizedPropertyException) {
                reason = "unknown field";
            } else if (cause instanceof InvalidFormatException invalid) {
                reason = "must be " + article(invalid.getTargetType()) + ", was " + quoted(invalid.getValue());
            } else if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                reason = "must be " + article(mismatched.getTargetType());
            } else {
                reason = "cannot be read: " + mapping.getOriginalMessage();
            }
            return new FieldProblem(field, index, reason);
        }
        if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return FieldProblem.of("body", "must be " + article(mismatched.getTargetType()));
        }
        if (cause instanceof JsonProcessingException json) {
            return FieldProblem.of("body", "malformed JSON: " + json.getOriginalMessage());
        }
        return FieldProblem.of("body", "missing or unreadable");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String article(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type.isRecord()) {
            return "a JSON object";
        }
        return "a " + type.getSimpleName();
    }

    private static String quoted(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, List<FieldProblem> problems) {
        return ResponseEntity.status(status).body(body(status, problems));
    }

    private static ProblemDetail body(HttpStatus status, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, InvalidInputException.summary(problems));
        problem.setType(INVALID_INPUT);
        problem.setTitle(status == HttpStatus.UNPROCESSABLE_ENTITY ? "Unprocessable input" : "Invalid input");
        problem.setProperty("errors", problems);
        log.debug("refused request: {}", problem.getDetail());
        return problem;
    }
}
