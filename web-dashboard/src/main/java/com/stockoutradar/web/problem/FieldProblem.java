package com.stockoutradar.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request: the field (a JSON path such as {@code quantity} or {@code [3].productId}, or a
 * CSV column), the item's index in a batch or line in a file when there is one, and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, Long index, String reason) {

    public static FieldProblem of(String field, String reason) {
        return new FieldProblem(field, null, reason);
    }

    public static FieldProblem at(long index, String field, String reason) {
        return new FieldProblem("[" + index + "]." + field, index, reason);
    }
}
