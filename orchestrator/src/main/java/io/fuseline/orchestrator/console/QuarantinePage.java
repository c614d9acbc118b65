package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.query.QuarantineQueries;
import io.fuseline.orchestrator.query.UnitViews.QuarantineView;
import io.fuseline.orchestrator.security.Roles;
import io.fuseline.orchestrator.unit.QuarantineDesk;
import io.fuseline.schemas.message.Disposition;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The Quarantine page: open cases with reason and evidence; a quality engineer (or admin) releases a unit for
 * RETEST or REWORK, or scraps it, always with a reason. The decision goes through the same desk as
 * {@code POST /api/quarantine/{id}/disposition}: one transaction, audited with the engineer as actor.
 */
@Path("/console/quarantine")
@Produces(MediaType.TEXT_HTML)
public class QuarantinePage {

    /** One open case as shown, its evidence as lines. */
    public record CaseRow(QuarantineView c, List<Detail> evidence) {
    }

    /**
     * The page: open cases (optionally of one reason), the decision just made ({@code decided}), or a refused
     * decision ({@code errorCase}, {@code error}) with what was typed.
     */
    public record View(List<CaseRow> cases, String reason, boolean cut, String decided, String errorCase,
                       String error, String typedReason, List<Choice> dispositions) {
    }

    /** A disposition as offered: its value and what it means. */
    public record Choice(String value, String label) {
    }

    private static final List<Choice> CHOICES = List.of(
            new Choice(Disposition.RETEST.name(), "Release for retest (no change to the unit)"),
            new Choice(Disposition.REWORK.name(), "Release for rework, then test again"),
            new Choice(Disposition.SCRAP.name(), "Scrap the unit (it is refused if it comes back)"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance quarantine(View view);
    }

    private final QuarantineQueries cases;
    private final QuarantineDesk desk;
    private final SecurityIdentity identity;
    private final ConsoleConfig config;

    QuarantinePage(QuarantineQueries cases, QuarantineDesk desk, SecurityIdentity identity, ConsoleConfig config) {
        this.cases = cases;
        this.desk = desk;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN})
    public TemplateInstance page(@QueryParam("reason") String reason, @QueryParam("decided") String decided) {
        return Templates.quarantine(view(reason, decided, null, null, null));
    }

    @POST
    @Path("/{id}/disposition")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    public Response decide(@PathParam("id") String id, @RestForm String disposition, @RestForm String reason,
                           HttpServerRequest request) {
        if (!SameOrigin.holds(request)) {
            return refused(Response.Status.FORBIDDEN, id, "This form was sent from another site; open the "
                    + "Quarantine page here and decide again.", reason);
        }
        Disposition d;
        try {
            d = Disposition.valueOf(disposition == null ? "" : disposition.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return refused(Response.Status.BAD_REQUEST, id, "Choose RETEST, REWORK or SCRAP.", reason);
        }
        if (reason == null || reason.isBlank()) {
            return refused(Response.Status.BAD_REQUEST, id, "A decision needs a reason: say why.", reason);
        }
        try {
            desk.decide(id, d, identity.getPrincipal().getName(), reason.strip());
        } catch (QuarantineDesk.UnknownCase e) {
            return refused(Response.Status.NOT_FOUND, id, e.getMessage(), reason);
        } catch (QuarantineDesk.AlreadyDecided e) {
            return refused(Response.Status.CONFLICT, id, e.getMessage(), reason);
        }
        // Post/redirect/get: reloading the page that says "decided" does not decide again.
        return Response.seeOther(URI.create(ConsolePage.QUARANTINE.path() + "?decided="
                + URLEncoder.encode(id, StandardCharsets.UTF_8))).build();
    }

    private Response refused(Response.Status status, String id, String error, String typedReason) {
        return Response.status(status).type(MediaType.TEXT_HTML)
                .entity(Templates.quarantine(view(null, null, id, error, typedReason))).build();
    }

    private View view(String reason, String decided, String errorCase, String error, String typedReason) {
        String r = reason == null || reason.isBlank() ? null : reason.strip();
        List<CaseRow> open = cases.open(r, config.listLimit()).stream()
                .map(c -> new CaseRow(c, Detail.of(c.evidence()))).toList();
        return new View(open, r, open.size() >= config.listLimit(), decided, errorCase, error, typedReason,
                CHOICES);
    }
}
