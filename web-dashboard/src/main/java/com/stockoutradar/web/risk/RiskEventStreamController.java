package com.stockoutradar.web.risk;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.stockoutradar.api.RiskEvent;

/** {@code GET /api/at-risk/events}: products entering, leaving or changing class, as server-sent events. */
@RestController
@Tag(name = "risk")
class RiskEventStreamController {
    private final RiskEventStream stream;

    RiskEventStreamController(RiskEventStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/at-risk/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Products entering or leaving the list, or changing class, as server-sent events",
            description = "event: risk, id: a sequence of this process, data: {productId, name, from, to, at}")
    @ApiResponse(responseCode = "200", description = "the stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = RiskEvent.class)))
    SseEmitter events(Principal caller, HttpServletRequest request, HttpServletResponse response) {
        // nginx and the like would otherwise hold the events back in their buffers
        response.setHeader("X-Accel-Buffering", "no");
        return stream.open(caller.getName() + " from " + request.getRemoteAddr());
    }
}
