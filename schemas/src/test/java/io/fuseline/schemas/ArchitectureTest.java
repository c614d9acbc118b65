package io.fuseline.schemas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * schemas is plain Java shared by every service: no broker, framework, database, network or serial port. The
 * services wrap the codec in their own Kafka adapters.
 */
@AnalyzeClasses(packages = "io.fuseline.schemas", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noIoFrameworks = noClasses().that().resideInAPackage("io.fuseline.schemas..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.kafka..", "io.quarkus..", "io.smallrye..", "io.vertx..", "java.sql..", "javax.sql..",
                    "jakarta.persistence..", "java.net..", "com.fazecast..")
            .because("schemas is the I/O-free contract module; adapters live in the services");

    @ArchTest
    static final ArchRule messagesKnowNothingOfTheCodec = noClasses()
            .that().resideInAPackage("io.fuseline.schemas.message..")
            .should().dependOnClassesThat().resideInAnyPackage("io.fuseline.schemas.codec..",
                    "io.fuseline.schemas.validation..", "io.fuseline.schemas.compat..", "com.networknt..")
            .because("the records are plain data; reading and checking them is someone else's job");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.fuseline.schemas.(*)..").should().beFreeOfCycles();
}
