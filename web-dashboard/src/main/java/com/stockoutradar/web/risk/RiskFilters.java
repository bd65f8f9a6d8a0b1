package com.stockoutradar.web.risk;

import java.util.Locale;

import com.stockoutradar.api.RiskClass;
import com.stockoutradar.grid.risk.AtRiskQueries;
import com.stockoutradar.web.problem.InvalidInputException;

/** Reads the list's query parameters ({@code class, q, sort, dir}), refusing unknown values by name. */
public final class RiskFilters {
    private RiskFilters() {
    }

    public static AtRiskQueries.Filter parse(String riskClass, String search, String sort, String direction) {
        RiskClass parsedClass = null;
        if (riskClass != null && !riskClass.isBlank()) {
            try {
                parsedClass = RiskClass.valueOf(riskClass.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.badRequest("class", "must be one of OUT_OF_STOCK, SEED_RULE, TRENDING, "
                        + "was \"" + riskClass + "\"");
            }
        }
        String parsedSort = sort == null || sort.isBlank() ? "rank" : sort;
        if (!AtRiskQueries.SORTS.contains(parsedSort)) {
            throw InvalidInputException.badRequest("sort", "must be one of " + new java.util.TreeSet<>(AtRiskQueries.SORTS)
                    + ", was \"" + sort + "\"");
        }
        if (direction != null && !direction.isBlank() && !direction.equals("asc") && !direction.equals("desc")) {
            throw InvalidInputException.badRequest("dir", "must be asc or desc, was \"" + direction + "\"");
        }
        return new AtRiskQueries.Filter(parsedClass, search == null || search.isBlank() ? null : search.trim(),
                parsedSort, "desc".equals(direction));
    }
}
