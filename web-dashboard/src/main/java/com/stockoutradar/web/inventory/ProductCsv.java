package com.stockoutradar.web.inventory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.stockoutradar.web.problem.FieldProblem;

/**
 * The product import format: {@code product_id,stock[,name]}, one product a line, with an optional header line.
 * Read twice: once to check every line (so a bad file stores nothing), once to import.
 */
final class ProductCsv {
    static final int MAX_PROBLEMS = 100;
    private static final int MAX_NAME = 500;

    interface RowSink {
        void accept(long productId, long stock, String name);
    }

    private ProductCsv() {
    }

    /** Every problem in the file (up to {@link #MAX_PROBLEMS}) and the number of product lines. */
    record Check(List<FieldProblem> problems, long rows) {
    }

    static Check check(Path file) throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        long rows = read(file, problems, (id, stock, name) -> { });
        return new Check(problems, rows);
    }

    static long read(Path file, RowSink sink) throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        long rows = read(file, problems, sink);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the file changed after it was checked: " + problems.get(0));
        }
        return rows;
    }

    private static long read(Path file, List<FieldProblem> problems, RowSink sink) throws IOException {
        long rows = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)) {
            for (CSVRecord line : csv) {
                if (line.getRecordNumber() == 1 && isHeader(line)) {
                    continue;
                }
                long number = line.getRecordNumber();
                Long id = number(line, 0, "product_id", number, problems, true);
                Long stock = number(line, 1, "stock", number, problems, false);
                String name = line.size() > 2 && !line.get(2).isEmpty() ? line.get(2) : null;
                if (line.size() > 3) {
                    add(problems, number, "line", "has " + line.size() + " columns; expected product_id,stock[,name]");
                } else if (name != null && name.length() > MAX_NAME) {
                    add(problems, number, "name", "is longer than " + MAX_NAME + " characters");
                } else if (id != null && stock != null) {
                    sink.accept(id, stock, name);
                }
                rows++;
            }
        }
        return rows;
    }

    private static boolean isHeader(CSVRecord line) {
        return line.get(0).equalsIgnoreCase("product_id");
    }

    private static Long number(CSVRecord line, int column, String field, long number, List<FieldProblem> problems,
                               boolean nonNegative) {
        if (line.size() <= column || line.get(column).isEmpty()) {
            add(problems, number, field, "is missing");
            return null;
        }
        try {
            long value = Long.parseLong(line.get(column));
            if (nonNegative && value < 0) {
                add(problems, number, field, "must not be negative, was " + value);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            add(problems, number, field, "must be a whole number, was \"" + line.get(column) + "\"");
            return null;
        }
    }

    private static void add(List<FieldProblem> problems, long line, String field, String reason) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new FieldProblem("line " + line + ": " + field, line, reason));
        }
    }
}
