package io.fuseline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The module map of ARCHITECTURE.md, enforced on the POMs: the three services never depend on each other (they
 * meet only on Kafka, through schemas), and the two libraries depend on nothing but each other in one direction.
 */
class ModuleDependencyRulesTest {
    static final Set<String> SERVICES = Set.of("hsm-signer", "station-agent", "orchestrator");
    static final Map<String, List<String>> DEPENDENCIES = new LinkedHashMap<>();

    @BeforeAll
    static void readReactor() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String module : modules(parse(root.resolve("pom.xml")))) {
            DEPENDENCIES.put(module, fuselineDependencies(parse(root.resolve(module).resolve("pom.xml"))));
        }
    }

    @Test
    void theReactorHoldsEveryModuleOfTheArchitecture() {
        assertThat(DEPENDENCIES).containsKeys("schemas", "esp-chip", "hsm-signer", "station-agent", "orchestrator",
                "deploy");
    }

    @Test
    void noServiceDependsOnAnotherService() {
        for (String service : SERVICES) {
            assertThat(DEPENDENCIES.get(service)).as("dependencies of %s", service)
                    .doesNotContainAnyElementsOf(SERVICES);
        }
    }

    @Test
    void espChipDependsOnNothingAndSchemasOnlyOnEspChip() {
        assertThat(DEPENDENCIES.get("esp-chip")).isEmpty();
        assertThat(DEPENDENCIES.get("schemas")).containsExactly("esp-chip");
    }

    @Test
    void nothingDependsOnDeploy() {
        DEPENDENCIES.forEach((module, deps) -> assertThat(deps).as("dependencies of %s", module)
                .doesNotContain("deploy"));
    }

    @Test
    void theRuleCatchesAServiceToServiceDependency() throws Exception {
        Path pom = Files.createTempFile("pom", ".xml");
        Files.writeString(pom, "<project><dependencies><dependency><groupId>io.fuseline</groupId>"
                + "<artifactId>orchestrator</artifactId></dependency></dependencies></project>");
        assertThat(fuselineDependencies(parse(pom))).containsAnyElementsOf(SERVICES);
        Files.delete(pom);
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static List<String> modules(Document pom) {
        List<String> modules = new ArrayList<>();
        NodeList nodes = pom.getElementsByTagName("module");
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().trim());
        }
        return modules;
    }

    /** Project modules this POM depends on, in any scope, outside dependencyManagement. */
    private static List<String> fuselineDependencies(Document pom) {
        List<String> deps = new ArrayList<>();
        NodeList nodes = pom.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element d = (Element) nodes.item(i);
            boolean managed = "dependencies".equals(d.getParentNode().getNodeName())
                    && "dependencyManagement".equals(d.getParentNode().getParentNode().getNodeName());
            if (!managed && "io.fuseline".equals(text(d, "groupId"))) {
                deps.add(text(d, "artifactId"));
            }
        }
        return deps.stream().distinct().toList();
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
    }
}
