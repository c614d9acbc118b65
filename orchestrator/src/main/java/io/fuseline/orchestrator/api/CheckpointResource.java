package io.fuseline.orchestrator.api;

import io.fuseline.orchestrator.audit.StoredCheckpoint;
import io.fuseline.orchestrator.checkpoint.CheckpointKey;
import io.fuseline.orchestrator.checkpoint.CheckpointStore;
import io.fuseline.orchestrator.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed checkpoints of the audit chain and the public key that verifies them (for offline verification). */
@Path("/api/audit/checkpoints")
@Tag(name = "audit")
public class CheckpointResource {
    /** One checkpoint as shown: the signature in base64. */
    public record CheckpointView(long sequence, String recordHash, String keyId, String algorithm, String signature,
                                 Instant signedAt) {
    }

    private final CheckpointStore store;
    private final CheckpointKey key;

    CheckpointResource(CheckpointStore store, CheckpointKey key) {
        this.store = store;
        this.key = key;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    @Operation(summary = "The newest signed checkpoints, newest first")
    public List<CheckpointView> latest(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000");
        }
        return store.latest(limit).stream().map(CheckpointResource::view).toList();
    }

    @GET
    @Path("/public-key")
    @Produces("application/x-pem-file")
    @RolesAllowed({Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    @Operation(summary = "The public key that verifies the checkpoints (PEM: the vault's audit key, or the local key "
            + "with signer=local), for ./fuseline audit verify --public-key")
    public String publicKey() {
        return key.pem();
    }

    private static CheckpointView view(StoredCheckpoint c) {
        return new CheckpointView(c.sequence(), c.recordHash(), c.keyId(), c.algorithm(),
                Base64.getEncoder().encodeToString(c.signature()), c.signedAt());
    }
}
