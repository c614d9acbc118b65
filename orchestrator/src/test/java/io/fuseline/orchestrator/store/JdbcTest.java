package io.fuseline.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed batch of many units' rows names the first of them by their key columns, so an operator can find them. */
class JdbcTest {
    @Test
    void aBatchIsDescribedByTheKeysOfItsFirstRows() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            rows.add(new Object[] {"job-" + i, "24:0a:c4:00:00:0" + i, i});
        }

        assertThat(Jdbc.describe("jobs issued: job/unit", rows.subList(0, 2), 0, 1))
                .isEqualTo("jobs issued: job/unit job-1/24:0a:c4:00:00:01, job-2/24:0a:c4:00:00:02");
        assertThat(Jdbc.describe("jobs running:", rows, 0))
                .isEqualTo("jobs running: job-1, job-2, job-3, job-4, job-5 and 2 more");
    }
}
