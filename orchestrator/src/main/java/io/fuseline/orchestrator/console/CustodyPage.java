package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.query.CustodyQueries;
import io.fuseline.orchestrator.query.CustodyQueries.SigningCounts;
import io.fuseline.orchestrator.query.KeyLedgerQueries;
import io.fuseline.orchestrator.query.KeyLedgerQueries.KeyLife;
import io.fuseline.orchestrator.query.WorkOrderQueries;
import io.fuseline.orchestrator.query.WorkOrderQueries.WorkOrderSummary;
import io.fuseline.orchestrator.recipe.Recipe;
import io.fuseline.orchestrator.recipe.RecipeBook;
import io.fuseline.orchestrator.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Custody page, for security officers: every key's life (generated and wrapped for a station, delivered,
 * burned, destroyed or escrowed), the keys not yet accounted for, and per work order and firmware release what the
 * vault signed and issued.
 */
@Path("/console/custody")
@Produces(MediaType.TEXT_HTML)
public class CustodyPage {

    /**
     * One work order's signing-key use: its recipe and firmware release, whether the images are Secure Boot signed
     * and the signing key's digest (from the recipe; null if the recipe is no longer loaded), and the vault's counts.
     */
    public record SigningRow(String workOrderId, String recipe, String release, Boolean secureBootSigned,
                             String signingKeyDigest, SigningCounts counts) {
    }

    /** The page: the search as typed, the keys found, the unaccounted keys and the signing rows. */
    public record View(String kcv, String mac, List<KeyLife> keys, boolean keysCut, List<KeyLife> unaccounted,
                       boolean unaccountedCut, List<SigningRow> signing, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance custody(View view);
    }

    private final KeyLedgerQueries ledger;
    private final CustodyQueries custody;
    private final WorkOrderQueries workOrders;
    private final RecipeBook recipes;
    private final ConsoleConfig config;

    CustodyPage(KeyLedgerQueries ledger, CustodyQueries custody, WorkOrderQueries workOrders, RecipeBook recipes,
                ConsoleConfig config) {
        this.ledger = ledger;
        this.custody = custody;
        this.workOrders = workOrders;
        this.recipes = recipes;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.SECURITY, Roles.ADMIN})
    public Response page(@QueryParam("kcv") String kcv, @QueryParam("mac") String mac) {
        String k = kcv == null || kcv.isBlank() ? null : kcv.strip().toLowerCase(Locale.ROOT);
        String m = mac == null || mac.isBlank() ? null : mac.strip();
        String error = null;
        if (k != null && !k.matches("[0-9a-f]{2,64}")) {
            error = "A key check value is hex digits, e.g. 3f9a01.";
        }
        if (m != null && error == null) {
            try {
                m = new UnitSearch(UnitSearch.By.MAC, m).mac();
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        int limit = config.listLimit();
        List<KeyLife> keys = error == null ? ledger.lives(k, m, limit) : List.of();
        List<KeyLife> unaccounted = ledger.unaccounted(limit);
        View view = new View(k == null ? "" : k, m == null ? "" : m, keys, keys.size() >= limit, unaccounted,
                unaccounted.size() >= limit, custody.signingCounts().stream().map(this::signing).toList(), error);
        return Response.status(error == null ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .entity(Templates.custody(view)).build();
    }

    private SigningRow signing(SigningCounts counts) {
        Optional<String> recipeId = Optional.ofNullable(counts.workOrderId()).flatMap(workOrders::byId)
                .map(WorkOrderSummary::recipe);
        Optional<Recipe> recipe = recipeId.flatMap(recipes::find);
        return new SigningRow(counts.workOrderId(), recipeId.orElse(null),
                recipe.map(r -> r.firmware().release()).orElse(null),
                recipe.map(r -> r.firmware().secureBootSigned()).orElse(null),
                recipe.map(Recipe::secureBoot).map(Recipe.SecureBoot::keyDigest).orElse(null), counts);
    }
}
