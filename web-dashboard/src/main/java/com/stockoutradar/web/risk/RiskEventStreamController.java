package com.stockoutradar.web.risk;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/at-risk/events}: products entering, leaving or changing class, as server-sent events. */
@RestController
class RiskEventStreamController {
    private final RiskEventStream stream;

    RiskEventStreamController(RiskEventStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/at-risk/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Principal caller, HttpServletRequest request, HttpServletResponse response) {
        // nginx and the like would otherwise hold the events back in their buffers
        response.setHeader("X-Accel-Buffering", "no");
        return stream.open(caller.getName() + " from " + request.getRemoteAddr());
    }
}
