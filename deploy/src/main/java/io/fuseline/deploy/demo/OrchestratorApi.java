package io.fuseline.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The few calls the demo makes on the orchestrator's REST API, as the local line's users (docs/orchestrator-api.md):
 * planning as {@code admin}, reading the audit key as {@code quality}. Passwords are the local line's defaults unless
 * the FUSELINE_*_PASSWORD variables say otherwise, as they do for the orchestrator it started.
 */
final class OrchestratorApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OrchestratorApi(String base) {
        this.base = base;
    }

    /** Creates a work order and assigns it to {@code stations}. */
    JsonNode createWorkOrder(String id, String recipe, String lot, int quantity, int overbuildQuota,
                             List<String> stations) {
        Map<String, Object> body = Map.of("id", id, "recipe", recipe, "lot", lot, "quantity", quantity,
                "overbuildQuota", overbuildQuota, "stations", stations);
        return send("admin", HttpRequest.newBuilder(URI.create(base + "/api/work-orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))), 201);
    }

    /** The public key that verifies the audit chain's signed checkpoints (PEM). */
    String auditPublicKey() {
        return text("quality", "/api/audit/checkpoints/public-key");
    }

    JsonNode get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET(), 200);
    }

    private String text(String user, String path) {
        HttpResponse<String> r = call(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " as " + user + " answered " + r.statusCode() + ": "
                    + r.body());
        }
        return r.body();
    }

    private JsonNode send(String user, HttpRequest.Builder request, int expected) {
        HttpResponse<String> r = call(user, request);
        if (r.statusCode() != expected) {
            throw new IllegalStateException(request.build().method() + " " + request.build().uri() + " as " + user
                    + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("the orchestrator answered no JSON: " + r.body(), e);
        }
    }

    private HttpResponse<String> call(String user, HttpRequest.Builder request) {
        String password = System.getenv().getOrDefault("FUSELINE_" + user.toUpperCase(java.util.Locale.ROOT)
                + "_PASSWORD", user + "-local");
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            return http.send(request.header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the orchestrator at " + base + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the orchestrator", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a map always serializes", e);
        }
    }
}
