package com.stockoutradar.web.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.stockoutradar.api.ImportReport;
import com.stockoutradar.api.ProductRequest;
import com.stockoutradar.api.ProductView;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.web.GridIntegrationTest;
import com.stockoutradar.web.Radar;

@GridIntegrationTest
class ProductImportIT {
    @Autowired
    Radar radar;
    @Autowired
    JdbcTemplate postgres;
    @TempDir
    Path files;

    @Test
    void importCreatesAndSetsProductsAndWritesThemBehind() throws IOException {
        radar.client.putProduct(70_001, new ProductRequest(3L, "Kept name"));
        Path csv = Files.writeString(files.resolve("products.csv"), """
                product_id,stock,name
                70001,40
                70002,12,"Mug, large"
                70003,-2,Backordered lamp
                """);

        ImportReport report = radar.client.importProducts(csv);

        assertThat(report.rows()).isEqualTo(3);
        ProductView kept = radar.client.product(70_001).orElseThrow();
        assertThat(kept.stock()).isEqualTo(40);
        assertThat(kept.name()).isEqualTo("Kept name");
        assertThat(radar.client.product(70_002).orElseThrow().name()).isEqualTo("Mug, large");
        assertThat(radar.client.product(70_003).orElseThrow().stock()).isEqualTo(-2);
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(-2).equals(radar.stockInPostgres(70_003))
                && Long.valueOf(40).equals(radar.stockInPostgres(70_001)));
    }

    @Test
    void importSetsStockButKeepsWhatWasSold() throws IOException {
        long product = radar.newProduct(50);
        radar.client.sale(new SaleRequest(6L, product, 4L, Radar.now() - 3600, null));
        Path csv = Files.writeString(files.resolve("recount.csv"), product + ",2,Recounted\n");

        radar.client.importProducts(csv);

        JsonNode risk = radar.refreshedRisk(product);
        assertThat(risk.get("stock").asLong()).isEqualTo(2);
        assertThat(risk.get("sales7d").asLong()).as("the week's sales survive the import").isEqualTo(4);
        assertThat(risk.get("riskClass").asText()).isEqualTo("SEED_RULE");
    }

    @Test
    void importWithoutHeaderOfManyRowsStreamsThemAll() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int id = 100_000; id < 120_000; id++) {
            lines.append(id).append(',').append(id % 97).append('\n');
        }
        Path csv = Files.writeString(files.resolve("many.csv"), lines);

        ImportReport report = radar.client.importProducts(csv);

        assertThat(report.rows()).isEqualTo(20_000);
        assertThat(radar.client.product(119_999).orElseThrow().stock()).isEqualTo(119_999 % 97);
        await().atMost(Duration.ofSeconds(60)).until(() -> postgres.queryForObject(
                "SELECT count(*) FROM product WHERE id BETWEEN 100000 AND 119999", Long.class) == 20_000);
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeNamingEachLine() throws IOException {
        long productsBefore = radar.productsInGrid();
        Path csv = Files.writeString(files.resolve("bad.csv"), """
                product_id,stock
                80001,5
                80002,lots
                -3,4
                80004
                80005,1,name,extra
                """);

        Radar.Answer answer = radar.send(HttpRequest.newBuilder(radar.uri("/inventory/import"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)).build());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors").findValuesAsText("field")).containsExactly(
                "line 3: stock", "line 4: product_id", "line 5: stock", "line 6: line");
        assertThat(radar.productsInGrid()).isEqualTo(productsBefore);
        assertThat(radar.client.product(80_001)).isEmpty();
    }

    @Test
    void aFileWithARepeatedProductOrBytesThatAreNotUtf8IsRefusedWholeNamingTheLines() throws IOException {
        long productsBefore = radar.productsInGrid();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("\uFEFFproduct_id,stock,name\n81001,5\n81002,6\n81001,7\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("81003,8,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path csv = Files.write(files.resolve("odd.csv"), bytes.toByteArray());

        Radar.Answer answer = radar.send(HttpRequest.newBuilder(radar.uri("/inventory/import"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)).build());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("errors").findValuesAsText("field")).containsExactly(
                "line 4: product_id", "line 5: encoding");
        assertThat(answer.body().get("errors").findValuesAsText("reason")).containsExactly(
                "product 81001 already on line 2", "is not valid UTF-8");
        assertThat(radar.productsInGrid()).isEqualTo(productsBefore);
        assertThat(radar.client.product(81_001)).isEmpty();
    }
}
