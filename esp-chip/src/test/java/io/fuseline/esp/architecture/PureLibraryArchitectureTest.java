package io.fuseline.esp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** esp-chip is chip knowledge only: no framework, no messaging, no database, no network, no serial ports. */
@AnalyzeClasses(packages = "io.fuseline.esp", importOptions = ImportOption.DoNotIncludeTests.class)
class PureLibraryArchitectureTest {

    @ArchTest
    static final ArchRule noFrameworksOrIo = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta..", "javax.enterprise..",
                    "org.apache.kafka..", "java.sql..", "javax.sql..", "java.net..", "java.nio.channels..",
                    "com.fazecast..", "org.xipki..", "com.fasterxml..", "org.bouncycastle..",
                    "io.fuseline.schemas..", "io.fuseline.orchestrator..", "io.fuseline.station..",
                    "io.fuseline.hsm..", "io.fuseline.deploy..")
            .because("esp-chip is pure chip knowledge that every module reuses (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule noFileSystem = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .because("esp-chip takes and returns bytes; callers own the files");
}
