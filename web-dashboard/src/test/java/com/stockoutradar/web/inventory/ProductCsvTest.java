package com.stockoutradar.web.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void stopsCollectingAfterAHundredProblems() throws IOException {
        Path csv = Files.writeString(files.resolve("d.csv"), "x,y\n".repeat(500));

        ProductCsv.Check check = ProductCsv.check(csv);

        assertThat(check.problems()).hasSize(ProductCsv.MAX_PROBLEMS);
        assertThat(check.rows()).isEqualTo(500);
    }
}
