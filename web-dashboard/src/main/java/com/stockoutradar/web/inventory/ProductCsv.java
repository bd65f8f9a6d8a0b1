package com.stockoutradar.web.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.stockoutradar.api.Limits;
import com.stockoutradar.web.problem.FieldProblem;

/**
 * The product import format: UTF-8 (a byte order mark is skipped), {@code product_id,stock[,name]}, one product a
 * line, with an optional header line. Read twice: once to check every line (so a bad file stores nothing), once to
 * import.
 */
final class ProductCsv {
    static final int MAX_PROBLEMS = 100;
    private static final int MAX_NAME = 500;
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /**
     * What bytes that are not UTF-8 decode to: a lone surrogate, which valid UTF-8 never decodes to, so a line that
     * holds one had bad bytes (Java's own replacement, U+FFFD, may be in a file as a character of its own).
     */
    private static final String NOT_UTF8 = "\uDC00";
    private static final Pattern WITHOUT_CONTROL_CHARACTERS = Pattern.compile(Limits.NO_CONTROL_CHARACTERS);

    interface RowSink {
        void accept(long productId, long stock, String name);
    }

    /** A good line, with its number. */
    private interface LineSink {
        void accept(long line, long productId, long stock, String name);
    }

    private ProductCsv() {
    }

    /** Every problem in the file (up to {@link #MAX_PROBLEMS}, in line order) and the number of product lines. */
    record Check(List<FieldProblem> problems, long rows) {
    }

    static Check check(Path file) throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        RepeatedProductIds ids = new RepeatedProductIds(MAX_PROBLEMS);
        long rows = read(file, problems, (line, id, stock, name) -> ids.add(line, id));
        if (!ids.repeats().isEmpty()) {
            problems.addAll(repeatProblems(file, ids.repeats()));
            problems.sort(Comparator.comparing(FieldProblem::index));
            problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        }
        return new Check(problems, rows);
    }

    static long read(Path file, RowSink sink) throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        long rows = read(file, problems, (line, id, stock, name) -> sink.accept(id, stock, name));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the file changed after it was checked: " + problems.get(0));
        }
        return rows;
    }

    private static long read(Path file, List<FieldProblem> problems, LineSink sink) throws IOException {
        long rows = 0;
        try (Reader reader = utf8(file);
             CSVParser csv = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)) {
            for (CSVRecord line : csv) {
                if (line.getRecordNumber() == 1 && isHeader(line)) {
                    continue;
                }
                long number = line.getRecordNumber();
                rows++;
                if (!isUtf8(line)) {
                    // the other columns' values would be guesses
                    add(problems, number, "encoding", "is not valid UTF-8");
                    continue;
                }
                Long id = productId(line, number, problems);
                Long stock = stock(line, number, problems);
                String name = line.size() > 2 && !line.get(2).isEmpty() ? line.get(2) : null;
                int controlCharacter = name == null ? -1 : controlCharacterAt(name);
                if (line.size() > 3) {
                    add(problems, number, "line", "has " + line.size() + " columns; expected product_id,stock[,name]");
                } else if (name != null && name.length() > MAX_NAME) {
                    add(problems, number, "name", "is longer than " + MAX_NAME + " characters");
                } else if (controlCharacter >= 0) {
                    add(problems, number, "name", String.format("%s (U+%04X at position %d)",
                            Limits.NO_CONTROL_CHARACTERS_MESSAGE, (int) name.charAt(controlCharacter),
                            controlCharacter + 1));
                } else if (id != null && stock != null) {
                    sink.accept(number, id, stock, name);
                }
            }
        } catch (UncheckedIOException e) {
            // Commons CSV reports a broken quote (an unclosed one, text after a closing one) this way; the rest of the
            // file cannot be read reliably after it
            add(problems, rows + 1, "line", "is not valid CSV: " + e.getCause().getMessage());
        }
        return rows;
    }

    /** The file as UTF-8 past any byte order mark, with bytes that are not UTF-8 as {@link #NOT_UTF8}. */
    private static Reader utf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).replaceWith(NOT_UTF8);
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    private static boolean isUtf8(CSVRecord line) {
        for (String value : line) {
            if (value.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
                return false;
            }
        }
        return true;
    }

    /** The index of the name's first control character, or -1. */
    private static int controlCharacterAt(String name) {
        Matcher clean = WITHOUT_CONTROL_CHARACTERS.matcher(name);
        clean.lookingAt(); // always true: the longest start without control characters, maybe empty
        return clean.end() < name.length() ? clean.end() : -1;
    }

    /** Names each later line of a repeated product id and its first line, found by reading the file once more. */
    private static List<FieldProblem> repeatProblems(Path file, List<RepeatedProductIds.Repeat> repeats)
            throws IOException {
        Set<Long> repeated = repeats.stream().map(RepeatedProductIds.Repeat::productId).collect(Collectors.toSet());
        Map<Long, Long> firstLines = new HashMap<>();
        read(file, new ArrayList<>(), (line, id, stock, name) -> {
            if (repeated.contains(id)) {
                firstLines.putIfAbsent(id, line);
            }
        });
        return repeats.stream().map(repeat -> problem(repeat.line(), "product_id", "product " + repeat.productId()
                + " already on line " + firstLines.get(repeat.productId()))).toList();
    }

    private static boolean isHeader(CSVRecord line) {
        return line.get(0).equalsIgnoreCase("product_id");
    }

    private static Long productId(CSVRecord line, long number, List<FieldProblem> problems) {
        Long id = wholeNumber(line, 0, "product_id", number, problems);
        if (id != null && id < 0) {
            add(problems, number, "product_id", "must not be negative, was " + id);
            return null;
        }
        return id;
    }

    private static Long stock(CSVRecord line, long number, List<FieldProblem> problems) {
        Long stock = wholeNumber(line, 1, "stock", number, problems);
        if (stock != null && (stock < -Limits.MAX_STOCK || stock > Limits.MAX_STOCK)) {
            add(problems, number, "stock", "must be between " + -Limits.MAX_STOCK + " and " + Limits.MAX_STOCK
                    + ", was " + stock);
            return null;
        }
        return stock;
    }

    private static Long wholeNumber(CSVRecord line, int column, String field, long number,
                                    List<FieldProblem> problems) {
        if (line.size() <= column || line.get(column).isEmpty()) {
            add(problems, number, field, "is missing");
            return null;
        }
        try {
            return Long.parseLong(line.get(column));
        } catch (NumberFormatException e) {
            add(problems, number, field, "must be a whole number, was \"" + line.get(column) + "\"");
            return null;
        }
    }

    private static void add(List<FieldProblem> problems, long line, String field, String reason) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem(line, field, reason));
        }
    }

    private static FieldProblem problem(long line, String field, String reason) {
        return new FieldProblem("line " + line + ": " + field, line, reason);
    }
}
