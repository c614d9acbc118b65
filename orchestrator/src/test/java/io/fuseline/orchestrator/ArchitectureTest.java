package io.fuseline.orchestrator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The unit lifecycle and the recipes are the orchestrator's model: pure decisions, tested without a broker or a
 * database. Messaging, storage and the framework depend on them, never the other way round.
 */
@AnalyzeClasses(packages = "io.fuseline.orchestrator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theModelImportsNoInfrastructure = noClasses()
            .that().resideInAnyPackage("io.fuseline.orchestrator.lifecycle..", "io.fuseline.orchestrator.recipe..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.quarkus..", "io.smallrye..",
                    "io.vertx..", "java.sql..", "javax.sql..", "jakarta..", "org.eclipse.microprofile..",
                    "org.flywaydb..", "org.postgresql..", "io.fuseline.orchestrator.messaging..",
                    "io.fuseline.orchestrator.store..", "io.fuseline.orchestrator.unit..")
            .because("the lifecycle is pure: events in, state, commands and audit records out");

    @ArchTest
    static final ArchRule theLifecycleDoesNoIo = noClasses()
            .that().resideInAPackage("io.fuseline.orchestrator.lifecycle..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..")
            .because("a transition must not read files or the network; recipes are loaded before it runs");

    @ArchTest
    static final ArchRule theAuditChainFormatIsPlainJava = noClasses()
            .that().resideInAPackage("io.fuseline.orchestrator.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.quarkus..", "io.smallrye..",
                    "io.vertx..", "jakarta..", "org.eclipse.microprofile..", "org.flywaydb..",
                    "io.fuseline.orchestrator.store..", "io.fuseline.orchestrator.unit..",
                    "io.fuseline.orchestrator.messaging..", "io.fuseline.orchestrator.checkpoint..")
            .because("./fuseline audit export/verify (deploy) use it without the orchestrator's dependencies");

    @ArchTest
    static final ArchRule theAuditChainFormatUsesOnlyTheCheckpointStatementOfSchemas = noClasses()
            .that().resideInAPackage("io.fuseline.orchestrator.audit..")
            .should().dependOnClassesThat(resideInAPackage("io.fuseline.schemas..")
                    .and(not(resideInAPackage("io.fuseline.schemas.checkpoint.."))))
            .because("the checkpoint statement is shared with hsm-signer, which signs it; the rest of the contracts "
                    + "(codec, JSON Schemas) is not the offline verifier's business");
}
