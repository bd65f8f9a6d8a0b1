package com.stockoutradar.web.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.stockoutradar.api.Limits;
import com.stockoutradar.web.problem.FieldProblem;

class ProductCsvTest {
    @TempDir
    Path files;

    record Row(long id, long stock, String name) {
    }

    @Test
    void readsRowsWithAndWithoutNamesSkippingTheHeader() throws IOException {
        Path csv = Files.writeString(files.resolve("a.csv"), "product_id,stock,name\n1,5\n2,-3,\"Lamp, desk\"\n\n3,0,\n");
        List<Row> rows = new ArrayList<>();

        long count = ProductCsv.read(csv, (id, stock, name) -> rows.add(new Row(id, stock, name)));

        assertThat(count).isEqualTo(3);
        assertThat(rows).containsExactly(new Row(1, 5, null), new Row(2, -3, "Lamp, desk"), new Row(3, 0, null));
    }

    @Test
    void aFileWithoutHeaderStartsWithData() throws IOException {
        Path csv = Files.writeString(files.resolve("b.csv"), "7,70\n");

        assertThat(ProductCsv.check(csv).rows()).isEqualTo(1);
        assertThat(ProductCsv.check(csv).problems()).isEmpty();
    }

    @Test
    void namesEachBadLineAndField() throws IOException {
        Path csv = Files.writeString(files.resolve("c.csv"), "1,x\n-1,2\n,4\n5\n6,1,n,extra\n");

        List<FieldProblem> problems = ProductCsv.check(csv).problems();

        assertThat(problems).extracting(FieldProblem::field).containsExactly("line 1: stock", "line 2: product_id",
                "line 3: product_id", "line 4: stock", "line 5: line");
        assertThat(problems).extracting(FieldProblem::index).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderOrTheFirstLineIsSkipped() throws IOException {
        Path withHeader = Files.writeString(files.resolve("bom-header.csv"), "\uFEFFproduct_id,stock\n1,5\n");
        Path withoutHeader = Files.writeString(files.resolve("bom-data.csv"), "\uFEFF7,70\n");
        List<Row> rows = new ArrayList<>();

        ProductCsv.read(withHeader, (id, stock, name) -> rows.add(new Row(id, stock, name)));
        ProductCsv.read(withoutHeader, (id, stock, name) -> rows.add(new Row(id, stock, name)));

        assertThat(ProductCsv.check(withHeader).problems()).isEmpty();
        assertThat(ProductCsv.check(withoutHeader).problems()).isEmpty();
        assertThat(rows).containsExactly(new Row(1, 5, null), new Row(7, 70, null));
    }

    @Test
    void linesWithBytesThatAreNotUtf8AreNamed() throws IOException {
        byte[] latin1 = "1,5,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] truncated = Arrays.copyOf("3,5,\u20ac".getBytes(StandardCharsets.UTF_8), 6);
        Path csv = files.resolve("latin1.csv");
        Files.write(csv, concat("product_id,stock,name\n".getBytes(StandardCharsets.UTF_8), latin1,
                "2,5,Caf\u00e9 \ufffd\n".getBytes(StandardCharsets.UTF_8), truncated));

        List<FieldProblem> problems = ProductCsv.check(csv).problems();

        assertThat(problems).extracting(FieldProblem::field).containsExactly("line 2: encoding", "line 4: encoding");
        assertThat(problems).extracting(FieldProblem::reason).containsOnly("is not valid UTF-8");
    }

    @Test
    void aProductIdOnMoreThanOneLineNamesEachLaterLineAndTheFirst() throws IOException {
        Path csv = Files.writeString(files.resolve("repeats.csv"),
                "product_id,stock\n70001,1\n70002,2\n70002,x\n70001,3\n70001,4\n70003,5\n");

        List<FieldProblem> problems = ProductCsv.check(csv).problems();

        assertThat(problems).extracting(FieldProblem::field).containsExactly(
                "line 4: stock", "line 5: product_id", "line 6: product_id");
        assertThat(problems).extracting(FieldProblem::reason).endsWith(
                "product 70001 already on line 2", "product 70001 already on line 2");
    }

    @Test
    void stockIsRefusedBeyondTheBoundEitherWay() throws IOException {
        Path csv = Files.writeString(files.resolve("bounds.csv"), String.join("\n",
                "1," + Limits.MAX_STOCK, "2," + -Limits.MAX_STOCK,
                "3," + (Limits.MAX_STOCK + 1), "4," + (-Limits.MAX_STOCK - 1), ""));

        List<FieldProblem> problems = ProductCsv.check(csv).problems();

        assertThat(problems).extracting(FieldProblem::field).containsExactly("line 3: stock", "line 4: stock");
        assertThat(problems.get(0).reason()).contains(String.valueOf(Limits.MAX_STOCK + 1));
    }

    @Test
    void namesWithControlCharactersAreRefusedNamingTheCharacter() throws IOException {
        Path csv = Files.writeString(files.resolve("control.csv"),
                "1,5,ab\u0000c\n2,5,tab\tinside\n3,5,del\u007f\n4,5,\u00e9t\u00e9 \u2603\n5,5,\"two\nlines\"\n");

        List<FieldProblem> problems = ProductCsv.check(csv).problems();

        assertThat(problems).extracting(FieldProblem::field).containsExactly(
                "line 1: name", "line 2: name", "line 3: name", "line 5: name");
        assertThat(problems.get(0).reason()).isEqualTo("must not contain control characters (U+0000 at position 3)");
        assertThat(problems.get(2).reason()).contains("U+007F");
    }

    @Test
    void stopsCollectingAfterAHundredProblems() throws IOException {
        Path csv = Files.writeString(files.resolve("d.csv"), "x,y\n".repeat(500));

        ProductCsv.Check check = ProductCsv.check(csv);

        assertThat(check.problems()).hasSize(ProductCsv.MAX_PROBLEMS);
        assertThat(check.rows()).isEqualTo(500);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    @Test
    void aBrokenQuoteIsAProblemNotACrash() throws IOException {
        Path csv = Files.writeString(files.resolve("quotes.csv"), "1,5,\"Lamp\n2,6,ok\n");

        ProductCsv.Check check = ProductCsv.check(csv);

        assertThat(check.problems()).extracting(FieldProblem::field).containsExactly("line 1: line");
        assertThat(check.problems().get(0).reason()).startsWith("is not valid CSV");
    }
}
