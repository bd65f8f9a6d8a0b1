package com.stockoutradar.web.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A request refused before anything was stored: 400 when malformed, 422 when well-formed but not acceptable. */
public class InvalidInputException extends RuntimeException {
    private final HttpStatus status;
    private final transient List<FieldProblem> problems;

    public InvalidInputException(HttpStatus status, List<FieldProblem> problems) {
        super(summary(problems));
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException badRequest(String field, String reason) {
        return new InvalidInputException(HttpStatus.BAD_REQUEST, List.of(FieldProblem.of(field, reason)));
    }

    public static InvalidInputException unprocessable(String field, String reason) {
        return new InvalidInputException(HttpStatus.UNPROCESSABLE_ENTITY, List.of(FieldProblem.of(field, reason)));
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The first few problems in one line, for the problem's {@code detail}. */
    static String summary(List<FieldProblem> problems) {
        StringBuilder detail = new StringBuilder();
        for (int i = 0; i < Math.min(3, problems.size()); i++) {
            if (i > 0) {
                detail.append("; ");
            }
            detail.append(problems.get(i).field()).append(": ").append(problems.get(i).reason());
        }
        if (problems.size() > 3) {
            detail.append("; and ").append(problems.size() - 3).append(" more");
        }
        return detail.toString();
    }
}
