package io.fuseline.station.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The station's model stays plain Java: the loader, the jig transports, the virtual jig and the job executor import
 * nothing of Quarkus, Kafka, CDI or MicroProfile, so the deploy CLI and tests use them without a container.
 */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.fuseline.station");

    @Test
    void corePackagesAreFreeOfQuarkusAndKafka() {
        noClasses().that().resideInAnyPackage("io.fuseline.station.job..", "io.fuseline.station.ops..",
                        "io.fuseline.station.protocol..", "io.fuseline.station.sim..", "io.fuseline.station.jig..",
                        "io.fuseline.station.identity..", "io.fuseline.station.unit..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "org.apache.kafka..",
                        "io.smallrye..", "jakarta.enterprise..", "jakarta.inject..", "org.eclipse.microprofile..",
                        "io.micrometer..", "io.fuseline.station.service..")
                .check(CLASSES);
    }
}
