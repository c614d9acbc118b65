package io.fuseline.orchestrator.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A signed-in user who opens a console page their roles do not allow gets a refusal page (403) that says so and
 * links to the pages they may open. Outside the console the answer stays the API's bare 403.
 */
class ConsoleErrors {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forbidden(String path);

        static native TemplateInstance notFound(String what);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, HttpServerRequest request) {
        if (!request.path().startsWith("/console")) {
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML)
                .entity(Templates.forbidden(request.path())).build();
    }

    /** A console page about something that does not exist (a unit, a case): 404 with what was looked for. */
    static Response notFound(String what) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML)
                .entity(Templates.notFound(what)).build();
    }
}
