/**
 * The signed checkpoints of the audit chain: the statement a checkpoint signature covers
 * ({@link io.fuseline.schemas.checkpoint.CheckpointStatement}), shared by the orchestrator, which asks for and checks
 * checkpoints, and hsm-signer, which signs them with the vault's audit key. Plain JCA, nothing else: the offline
 * verifier ({@code ./fuseline audit verify}) uses it too.
 */
package io.fuseline.schemas.checkpoint;
