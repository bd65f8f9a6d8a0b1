package com.stockoutradar.web.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The dashboard's sign-in page; Spring Security takes the form's POST. */
@Controller
@Tag(name = "dashboard")
class LoginController {

    @GetMapping("/login")
    @Operation(summary = "The sign-in page; its form posts to /login")
    @SecurityRequirements // open to anyone
    @ApiResponse(responseCode = "200", description = "the page",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    String login() {
        return "login";
    }
}
