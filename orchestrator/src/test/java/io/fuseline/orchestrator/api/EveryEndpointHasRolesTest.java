package io.fuseline.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every HTTP method of every resource names its roles (the server also denies unannotated endpoints). */
class EveryEndpointHasRolesTest {
    static final List<Class<?>> RESOURCES = List.of(UnitResource.class, AuditResource.class, ReportResource.class,
            CustodyResource.class, QuarantineResource.class, CheckpointResource.class);

    @Test
    void everyResourceMethodCarriesRolesAllowed() {
        List<String> endpoints = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            for (Method m : resource.getDeclaredMethods()) {
                if (Arrays.stream(m.getAnnotations()).anyMatch(a -> a instanceof GET || a instanceof POST
                        || a instanceof PUT || a instanceof DELETE)) {
                    endpoints.add(resource.getSimpleName() + "." + m.getName());
                    assertThat(m.getAnnotation(RolesAllowed.class)).as(resource.getSimpleName() + "." + m.getName())
                            .isNotNull();
                }
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(8);
    }
}
