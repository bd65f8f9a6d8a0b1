package com.stockoutradar.web.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.stockoutradar.api.BatchReceipt;
import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.RestockRequest;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.grid.ingest.ChangeBatch;
import com.stockoutradar.grid.ingest.ChangeOutcomes;
import com.stockoutradar.grid.ingest.ChangeRecorder;
import com.stockoutradar.grid.ingest.EventIdConflictException;
import com.stockoutradar.grid.ingest.UnknownProductsException;
import com.stockoutradar.grid.inventory.StockOutOfRangeException;
import com.stockoutradar.web.ApiProperties;
import com.stockoutradar.web.problem.FieldProblem;
import com.stockoutradar.web.problem.InvalidInputException;

/**
 * Sales and restocks. A change is acknowledged (201) once it and the new stock are committed in the grid; the same
 * event id again answers the first result (200, {@code replayed: true}).
 */
@RestController
@Tag(name = "ingestion", description = "sales and restocks (role INGEST)")
class IngestionController {
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String IDEMPOTENCY_KEY_MEANS = "the change's event id, instead of eventId in the body "
            + "(both: they must be equal)";

    private final ChangeRecorder recorder;
    private final ChangeRules rules;
    private final IngestMetrics metrics;
    private final int maxBatchSize;

    IngestionController(ChangeRecorder recorder, ChangeRules rules, IngestMetrics metrics, ApiProperties api) {
        this.recorder = recorder;
        this.rules = rules;
        this.metrics = metrics;
        this.maxBatchSize = api.maxBatchSize();
    }

    @PostMapping("/sale")
    @Operation(summary = "Record a sale", description = "Takes the quantity from stock, in one transaction on the "
            + "product's node.")
    @ApiResponse(responseCode = "201", description = "recorded")
    @ApiResponse(responseCode = "200", description = "its event id was recorded before: the first result, "
            + "replayed: true")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "413", ref = "PayloadTooLarge")
    @ApiResponse(responseCode = "422", ref = "Unprocessable")
    ResponseEntity<ChangeReceipt> sale(@RequestBody SaleRequest sale,
                                       @Parameter(description = IDEMPOTENCY_KEY_MEANS)
                                       @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        SaleRequest keyed = withIdempotencyKey(sale.eventId(), key, sale::withEventId);
        checkSingle(keyed, keyed.timestamp());
        return recordSingle(ChangeBatch.ofSales(List.of(keyed)));
    }

    @PostMapping("/restock")
    @Operation(summary = "Record a restock", description = "Adds the quantity to stock.")
    @ApiResponse(responseCode = "201", description = "recorded")
    @ApiResponse(responseCode = "200", description = "its event id was recorded before: the first result, "
            + "replayed: true")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "413", ref = "PayloadTooLarge")
    @ApiResponse(responseCode = "422", ref = "Unprocessable")
    ResponseEntity<ChangeReceipt> restock(@RequestBody RestockRequest restock,
                                          @Parameter(description = IDEMPOTENCY_KEY_MEANS)
                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        RestockRequest keyed = withIdempotencyKey(restock.eventId(), key, restock::withEventId);
        checkSingle(keyed, keyed.timestamp());
        return recordSingle(ChangeBatch.ofRestock(keyed));
    }

    /** Up to {@code radar.api.max-batch-size} sales; one bad item refuses the whole batch, every bad item named. */
    @PostMapping("/sales")
    @Operation(summary = "Record a batch of sales", description = "Up to radar.api.max-batch-size (10 000) sales, "
            + "stored whole or not at all; each bad item is named by its index.")
    @ApiResponse(responseCode = "201", description = "recorded (some may be replays)")
    @ApiResponse(responseCode = "200", description = "every sale's event id was recorded before: the first results")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "413", ref = "PayloadTooLarge")
    @ApiResponse(responseCode = "422", ref = "Unprocessable")
    ResponseEntity<BatchReceipt> sales(@RequestBody List<SaleRequest> sales) {
        if (sales.isEmpty() || sales.size() > maxBatchSize) {
            throw InvalidInputException.badRequest("body", "must hold 1 to " + maxBatchSize + " sales, held "
                    + sales.size());
        }
        List<FieldProblem> malformed = new ArrayList<>();
        List<FieldProblem> unacceptable = new ArrayList<>();
        for (int i = 0; i < sales.size(); i++) {
            SaleRequest sale = sales.get(i);
            if (sale == null) {
                malformed.add(FieldProblem.at(i, "", "must be a sale, was null"));
            } else {
                rules.check(sale, sale.timestamp(), (long) i, malformed, unacceptable);
            }
        }
        ChangeRules.refuseIfAny(malformed, unacceptable);
        ChangeOutcomes outcomes;
        try {
            outcomes = recorder.record(ChangeBatch.ofSales(sales));
        } catch (UnknownProductsException e) {
            throw unknownItems(sales, e);
        }
        List<ChangeReceipt> receipts = new ArrayList<>(outcomes.size());
        int replayed = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            ChangeReceipt receipt = outcomes.receipt(i);
            metrics.acknowledged(receipt);
            receipts.add(receipt);
            replayed += receipt.replayed() ? 1 : 0;
        }
        metrics.batch(receipts.size());
        HttpStatus status = replayed == receipts.size() ? HttpStatus.OK : HttpStatus.CREATED;
        return ResponseEntity.status(status).body(new BatchReceipt(receipts.size(), replayed, receipts));
    }

    private void checkSingle(Object change, Long timestamp) {
        List<FieldProblem> malformed = new ArrayList<>();
        List<FieldProblem> unacceptable = new ArrayList<>();
        rules.check(change, timestamp, null, malformed, unacceptable);
        ChangeRules.refuseIfAny(malformed, unacceptable);
    }

    /** The event id comes in the body or in the Idempotency-Key header; both may be given only if equal. */
    private static <T> T withIdempotencyKey(String eventId, String key, Function<String, T> withEventId) {
        if (key == null) {
            return withEventId.apply(eventId);
        }
        if (eventId != null && !Objects.equals(eventId, key)) {
            throw InvalidInputException.badRequest("eventId", "differs from the Idempotency-Key header");
        }
        return withEventId.apply(key);
    }

    /** One change: its refusals name fields without a batch position. */
    private ResponseEntity<ChangeReceipt> recordSingle(ChangeBatch change) {
        ChangeReceipt receipt;
        try {
            receipt = recorder.record(change).receipt(0);
        } catch (EventIdConflictException e) {
            throw e.single();
        } catch (StockOutOfRangeException e) {
            throw e.single();
        }
        metrics.acknowledged(receipt);
        return ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }

    private static InvalidInputException unknownItems(List<SaleRequest> sales, UnknownProductsException e) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < sales.size(); i++) {
            if (e.productIds().contains(sales.get(i).productId())) {
                problems.add(FieldProblem.at(i, "productId", "unknown product " + sales.get(i).productId()));
            }
        }
        return new InvalidInputException(HttpStatus.UNPROCESSABLE_ENTITY, problems);
    }
}
