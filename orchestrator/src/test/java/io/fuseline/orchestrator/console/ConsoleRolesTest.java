package io.fuseline.orchestrator.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every console endpoint names who may use it, and each page's server-side roles are the ones its navigation link
 * is shown to ({@link ConsolePage}); only the sign-in pages are open.
 */
class ConsoleRolesTest {
    private static final Map<ConsolePage, Class<?>> PAGES = Map.of(ConsolePage.LINE, LinePage.class,
            ConsolePage.UNITS, UnitPages.class, ConsolePage.AUDIT, AuditPage.class, ConsolePage.QUARANTINE,
            QuarantinePage.class, ConsolePage.CUSTODY, CustodyPage.class, ConsolePage.REPORTS, ReportsPage.class);
    private static final List<Class<?>> RESOURCES = List.of(HomePage.class, LinePage.class, UnitPages.class,
            AuditPage.class, QuarantinePage.class, CustodyPage.class, ReportsPage.class);

    @Test
    void eachPageIsEnforcedForExactlyTheRolesItsLinkIsShownTo() throws NoSuchMethodException {
        for (var entry : PAGES.entrySet()) {
            Method page = Arrays.stream(entry.getValue().getDeclaredMethods()).filter(m -> m.getName().equals("page"))
                    .findFirst().orElseThrow(() -> new NoSuchMethodException(entry.getValue() + ".page"));
            assertThat(Set.of(page.getAnnotation(RolesAllowed.class).value())).as(entry.getKey().name())
                    .isEqualTo(entry.getKey().roles());
        }
    }

    @Test
    void aUnitsHistoryIsForTheRolesTheApiGivesIt() throws NoSuchMethodException {
        assertThat(Set.of(UnitPages.class.getMethod("timeline", String.class).getAnnotation(RolesAllowed.class)
                .value())).isEqualTo(UnitPages.HISTORY_ROLES);
    }

    @Test
    void everyEndpointNamesItsRolesAndOnlySigningInIsOpen() {
        for (Class<?> resource : RESOURCES) {
            for (Method m : resource.getDeclaredMethods()) {
                if (m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class)) {
                    String name = resource.getSimpleName() + "." + m.getName();
                    boolean open = m.isAnnotationPresent(PermitAll.class);
                    assertThat(open || m.isAnnotationPresent(RolesAllowed.class)).as(name).isTrue();
                    if (open) {
                        assertThat(name).isIn("HomePage.login", "HomePage.loginFailed");
                    }
                }
            }
        }
    }

    @Test
    void custodyIsForSecurityAndAdminOnly() {
        assertThat(ConsolePage.CUSTODY.openTo(List.of("operator"))).isFalse();
        assertThat(ConsolePage.CUSTODY.openTo(List.of("quality"))).isFalse();
        assertThat(ConsolePage.CUSTODY.openTo(List.of("security"))).isTrue();
        assertThat(ConsolePage.CUSTODY.openTo(List.of("admin"))).isTrue();
    }
}
