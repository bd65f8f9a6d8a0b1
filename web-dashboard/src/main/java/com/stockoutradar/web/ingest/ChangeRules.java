package com.stockoutradar.web.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.GridProperties;
import com.stockoutradar.web.ApiProperties;
import com.stockoutradar.web.problem.FieldProblem;
import com.stockoutradar.web.problem.InvalidInputException;

/**
 * What a change must satisfy beyond its JSON shape: the field constraints of the request records, and a timestamp
 * that is neither in the future (past clock skew) nor older than the grid's retention window.
 */
@Component
class ChangeRules {
    private final Validator validator;
    private final Clock clock;
    private final long maxFutureSkewSeconds;
    private final long retentionSeconds;

    ChangeRules(Validator validator, Clock clock, ApiProperties api, GridProperties grid) {
        this.validator = validator;
        this.clock = clock;
        this.maxFutureSkewSeconds = api.maxFutureSkew().toSeconds();
        this.retentionSeconds = grid.retention().toSeconds();
    }

    /** Checks one change; {@code index} is its position in a batch, or null for a single change. */
    void check(Object change, Long timestamp, Long index, List<FieldProblem> malformed, List<FieldProblem> unacceptable) {
        for (ConstraintViolation<Object> v : validator.validate(change)) {
            malformed.add(problem(index, v.getPropertyPath().toString(), v.getMessage()));
        }
        if (timestamp == null) {
            return;
        }
        long now = clock.instant().getEpochSecond();
        if (timestamp > now + maxFutureSkewSeconds) {
            unacceptable.add(problem(index, "timestamp", "is " + (timestamp - now) + " s in the future; at most "
                    + maxFutureSkewSeconds + " s of clock skew is accepted"));
        } else if (timestamp <= now - retentionSeconds) {
            unacceptable.add(problem(index, "timestamp", "is older than the " + retentionSeconds / 86_400
                    + "-day window changes are accepted for"));
        }
    }

    /** Refuses the request when anything was found: 400 if malformed, else 422. */
    static void refuseIfAny(List<FieldProblem> malformed, List<FieldProblem> unacceptable) {
        if (!malformed.isEmpty()) {
            List<FieldProblem> all = new ArrayList<>(malformed);
            all.addAll(unacceptable);
            throw new InvalidInputException(HttpStatus.BAD_REQUEST, all);
        }
        if (!unacceptable.isEmpty()) {
            throw new InvalidInputException(HttpStatus.UNPROCESSABLE_ENTITY, unacceptable);
        }
    }

    private static FieldProblem problem(Long index, String field, String reason) {
        return index == null ? FieldProblem.of(field, reason) : FieldProblem.at(index, field, reason);
    }
}
