package io.fuseline.orchestrator.api;

import io.fuseline.orchestrator.unit.QuarantineDesk;
import io.fuseline.orchestrator.unit.WorkOrderDesk;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the API's refusals into status codes with a one-line JSON reason: 400 bad input, 404, 409 conflict. */
class ApiErrors {

    @ServerExceptionMapper
    Response badInput(IllegalArgumentException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    Response badTime(DateTimeParseException e) {
        return error(Response.Status.BAD_REQUEST, "a time must be RFC 3339 UTC, e.g. 2026-11-21T08:00:00Z");
    }

    @ServerExceptionMapper
    Response unknownCase(QuarantineDesk.UnknownCase e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    Response decided(QuarantineDesk.AlreadyDecided e) {
        return error(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    Response unknownWorkOrder(WorkOrderDesk.UnknownWorkOrder e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    Response workOrderConflict(WorkOrderDesk.Conflict e) {
        return error(Response.Status.CONFLICT, e.getMessage());
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
