package com.stockoutradar.web.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.stockoutradar.api.ImportReport;
import com.stockoutradar.api.ProductRequest;
import com.stockoutradar.api.ProductView;
import com.stockoutradar.grid.inventory.Inventory;
import com.stockoutradar.grid.inventory.ProductImporter;
import com.stockoutradar.web.ApiProperties;
import com.stockoutradar.web.problem.InvalidInputException;

/** The inventory service's interface: products' stock by id, set one at a time or imported in bulk. */
@RestController
@Tag(name = "inventory", description = "products and their stock (reads: VIEWER; writes: INVENTORY)")
class InventoryController {
    private final Inventory inventory;
    private final ProductImporter importer;
    private final int lastChanges;

    InventoryController(Inventory inventory, ProductImporter importer, ApiProperties api) {
        this.inventory = inventory;
        this.importer = importer;
        this.lastChanges = api.lastChanges();
    }

    @GetMapping("/inventory/{productId}")
    @Operation(summary = "A product's stock and its latest changes")
    @ApiResponse(responseCode = "200", description = "the product")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    ProductView product(@PathVariable @PositiveOrZero long productId) {
        return inventory.product(productId, lastChanges).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no product " + productId));
    }

    /** 201 when the product is new, 200 when its stock (and name, if given) was set. */
    @PutMapping("/inventory/{productId}")
    @Operation(summary = "Create a product or set its stock (and name, if given)")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "200", description = "stock set")
    @ApiResponse(responseCode = "413", ref = "PayloadTooLarge")
    ResponseEntity<ProductView> setProduct(@PathVariable @PositiveOrZero long productId,
                                           @RequestBody @Valid ProductRequest product) {
        boolean created = inventory.set(productId, product.stock(), product.name());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(inventory.product(productId, lastChanges).orElseThrow());
    }

    /**
     * A CSV of {@code product_id,stock[,name]} of any size. The whole file is checked first, so a bad line stores
     * nothing; then it streams into the grid with progress in the log.
     */
    @PostMapping(path = "/inventory/import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "Import products from CSV",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "product_id,stock[,name] lines in UTF-8, a header optional",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                    examples = @ExampleObject(name = "two products",
                            value = "product_id,stock,name\n1,120,Espresso cups\n2,0,Milk jug\n"))))
    @ApiResponse(responseCode = "200", description = "imported")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @ApiResponse(responseCode = "422", ref = "Unprocessable")
    ImportReport importProducts(InputStream body) throws IOException {
        long started = System.currentTimeMillis();
        Path file = Files.createTempFile("product-import-", ".csv");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            ProductCsv.Check check = ProductCsv.check(file);
            if (!check.problems().isEmpty()) {
                throw new InvalidInputException(HttpStatus.UNPROCESSABLE_ENTITY, check.problems());
            }
            if (check.rows() == 0) {
                throw InvalidInputException.badRequest("body", "holds no product lines");
            }
            long rows;
            try (ProductImporter.Session session = importer.open(check.rows())) {
                rows = ProductCsv.read(file, session::add);
            }
            return new ImportReport(rows, System.currentTimeMillis() - started);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
