package com.stockoutradar.compute.risk;

import java.io.Serializable;
import java.util.Locale;

import com.stockoutradar.api.RiskClass;

/**
 * Which rows of the at-risk list a read wants from every node: those of one class (null: all) whose name contains
 * {@code search} or whose id it is (null: all), the first {@code first} of them in the order {@code sort}.
 * A class, not a record: it travels with a compute job, and Ignite 2.17's binary marshaller cannot read records.
 */
public final class LiveSelection implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RiskClass riskClass;
    private final String search;
    /** The product a search of digits names; -1 for other searches. */
    private final long searchedPid;
    private final String sort;
    private final boolean descending;
    private final int first;

    public LiveSelection(RiskClass riskClass, String search, String sort, boolean descending, int first) {
        this.riskClass = riskClass;
        this.search = search == null || search.isBlank() ? null : search.trim().toLowerCase(Locale.ROOT);
        this.searchedPid = this.search != null && this.search.matches("\\d{1,18}") ? Long.parseLong(this.search) : -1;
        this.sort = sort;
        this.descending = descending;
        this.first = first;
    }

    boolean matches(LiveRow row) {
        if (all()) {
            return true;
        }
        if (riskClass != null && row.riskClass != riskClass) {
            return false;
        }
        return search == null || row.lowerName.contains(search) || row.pid == searchedPid;
    }

    /** Whether only some names or ids match. */
    boolean searches() {
        return search != null;
    }

    RiskClass riskClass() {
        return riskClass;
    }

    /** Whether every row matches: no class, no search. */
    boolean all() {
        return riskClass == null && search == null;
    }

    String sort() {
        return sort;
    }

    boolean descending() {
        return descending;
    }

    int first() {
        return first;
    }
}
