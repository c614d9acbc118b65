package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Signing in and out of the console. The form posts to Quarkus' form authentication ({@code j_security_check}),
 * which checks the user against the same identity provider as the API and keeps the identity in an encrypted cookie
 * scoped to {@code /console}.
 */
@Path("/console")
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error);
    }

    private final Viewer viewer;
    private final SecurityIdentity identity;

    HomePage(Viewer viewer, SecurityIdentity identity) {
        this.viewer = viewer;
        this.identity = identity;
    }

    /** Where signing in lands: the first page the user's roles open. */
    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    public Response home() {
        return Response.seeOther(URI.create(viewer.home().orElse(ConsolePage.UNITS).path())).build();
    }

    @GET
    @Path("/login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login() {
        return Templates.login(null);
    }

    /** The form authentication's error page: the same form, saying why. */
    @GET
    @Path("/login/failed")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response loginFailed() {
        return Response.status(Response.Status.UNAUTHORIZED)
                .entity(Templates.login("Wrong user name or password.")).build();
    }

    @POST
    @Path("/logout")
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    public Response logout() {
        FormAuthenticationMechanism.logout(identity);
        return Response.seeOther(URI.create("/console/login")).build();
    }
}
