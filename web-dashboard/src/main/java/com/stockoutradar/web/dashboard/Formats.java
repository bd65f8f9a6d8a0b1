package com.stockoutradar.web.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** How the pages show numbers and times ({@code ${@formats...}} in templates); times in UTC, as stored. */
@Component("formats")
public class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public String dateTime(Long unixSeconds) {
        return unixSeconds == null ? "—" : DATE_TIME.format(Instant.ofEpochSecond(unixSeconds));
    }

    public String date(Long unixSeconds) {
        return unixSeconds == null ? "never" : DATE.format(Instant.ofEpochSecond(unixSeconds));
    }

    /** The range of dates a stock-out falls in with 80 % probability. */
    public String range(Long from, Long to) {
        return date(from) + " – " + date(to);
    }

    public String percent(double probability) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * probability);
    }

    /** A precision, recall or F1; "—" when there was nothing to measure it on. */
    public String score(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    public String days(Double days) {
        return days == null ? "∞" : String.format(Locale.ROOT, "%.1f", days);
    }

    public String rate(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public String signedRate(double value) {
        return String.format(Locale.ROOT, "%+.2f", value);
    }

    public String label(Object riskClass) {
        if (riskClass == null) {
            return "not at risk";
        }
        return switch (riskClass.toString()) {
            case "OUT_OF_STOCK" -> "out of stock";
            case "SEED_RULE" -> "7-day rule";
            case "TRENDING" -> "trending";
            default -> riskClass.toString();
        };
    }
}
