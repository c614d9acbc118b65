package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The Line page: stations and jigs with what each is doing, units per hour, yield, open quarantine cases. The page
 * fetches its live part ({@code /console/line/live}) every {@code fuseline.console.refresh-interval} and swaps it in
 * place; without JavaScript, reloading the page does the same.
 */
@Path("/console/line")
@Produces(MediaType.TEXT_HTML)
public class LinePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance line(LineView line, long refreshMillis);

        static native TemplateInstance line$live(LineView line);
    }

    private final LineBoard board;
    private final ConsoleConfig config;

    LinePage(LineBoard board, ConsoleConfig config) {
        this.board = board;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN})
    public TemplateInstance page() {
        return Templates.line(board.now(), config.refreshInterval().toMillis());
    }

    @GET
    @Path("/live")
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN})
    public TemplateInstance live() {
        return Templates.line$live(board.now());
    }
}
