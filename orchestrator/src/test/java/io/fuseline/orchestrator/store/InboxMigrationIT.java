package io.fuseline.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fuseline.embedded.postgres.EmbeddedPostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V13 re-keys the inbox by a digest of source and id: events recorded before the upgrade must still be recognised
 * as seen, so the migration's SQL and {@link InboxStore.Delivery#key()} must compute the same digest (a source with
 * characters outside ASCII included: the length in the digest's input is in UTF-8 bytes on both sides).
 */
class InboxMigrationIT {
    private static EmbeddedPostgresDatabase db;
    private static PGSimpleDataSource dataSource;

    private static final InboxStore.Delivery ASCII = new InboxStore.Delivery("urn:fuseline:station:st-01",
            "7d3c1f0e-41b8-4c3e-9a56-0f1a2b3c4d5e", "io.fuseline.device.identified.v1");
    private static final InboxStore.Delivery WIDE = new InboxStore.Delivery("urn:fuseline:station:Прага-€-𝄞",
            "42", "io.fuseline.step.completed.v1");

    @BeforeAll
    static void migrateToV12AndRecordTwoEvents() throws Exception {
        db = EmbeddedPostgresDatabase.start();
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        flyway("12").migrate();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO inbox (source, event_id, type) VALUES (?, ?, ?)")) {
            for (InboxStore.Delivery d : List.of(ASCII, WIDE)) {
                ps.setString(1, d.source());
                ps.setString(2, d.eventId());
                ps.setString(3, d.type());
                ps.executeUpdate();
            }
        }
        flyway("latest").migrate();
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load();
    }

    @Test
    void eventsRecordedBeforeTheUpgradeAreStillSeen() {
        InboxStore inbox = new InboxStore(dataSource);
        InboxStore.Delivery fresh = new InboxStore.Delivery(ASCII.source(), "a-new-event", ASCII.type());

        assertThat(inbox.firstDeliveries(List.of(ASCII, fresh, WIDE, fresh))).containsExactly(fresh);
        assertThat(inbox.firstDelivery(WIDE.source(), WIDE.eventId(), WIDE.type())).isFalse();
        assertThat(inbox.firstDelivery(fresh.source(), fresh.eventId(), fresh.type())).isFalse();
    }

    @Test
    void theSameIdFromAnotherSourceIsAnotherEvent() {
        InboxStore inbox = new InboxStore(dataSource);
        // Source "ab" with id "c" and source "a" with id "bc" concatenate alike: the length keeps them apart.
        InboxStore.Delivery one = new InboxStore.Delivery("urn:x:ab", "c", ASCII.type());
        InboxStore.Delivery other = new InboxStore.Delivery("urn:x:a", "bc", ASCII.type());

        assertThat(one.key()).isNotEqualTo(other.key());
        assertThat(inbox.firstDeliveries(List.of(one, other))).containsExactlyInAnyOrder(one, other);
        assertThat(inbox.firstDelivery(WIDE.source(), "43", WIDE.type())).isTrue();
    }
}
