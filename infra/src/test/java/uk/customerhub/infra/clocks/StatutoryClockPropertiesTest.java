package uk.customerhub.infra.clocks;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import uk.customerhub.clocks.StatutoryTargets;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hub.clocks.*} as an operator writes it, bound as the application binds it. */
class StatutoryClockPropertiesTest {

    private static StatutoryClockProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hub.clocks", StatutoryClockProperties.class);
    }

    @Test
    void by_default_the_shipped_bank_holidays_and_the_statutory_targets() {
        StatutoryClockProperties properties = bind(Map.of());
        StatutoryTargets targets = properties.targets();

        assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.pollBatch()).isEqualTo(500);
        assertThat(targets.foiWorkingDays()).isEqualTo(20);
        assertThat(targets.complaintStageOneWorkingDays()).isEqualTo(10);
        assertThat(targets.complaintStageTwoWorkingDays()).isEqualTo(20);
        assertThat(targets.foiDueDate(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2027, 1, 26));
    }

    @Test
    void bank_holidays_extra_foi_days_targets_and_the_interval_are_configurable() {
        StatutoryClockProperties properties = bind(Map.of(
                // a council list for 2026 with a one-off holiday on Friday 27 November
                "hub.clocks.bank-holidays", "2026-01-01,2026-04-03,2026-04-06,2026-05-04,2026-05-25,2026-08-31,"
                        + "2026-11-27,2026-12-25,2026-12-28",
                "hub.clocks.foi-extra-non-working-days", "2026-11-30",
                "hub.clocks.complaint-stage-one-working-days", "5",
                "hub.clocks.complaint-stage-two-working-days", "15",
                "hub.clocks.poll-interval", "200ms",
                "hub.clocks.poll-batch", "50"));
        StatutoryTargets targets = properties.targets();

        assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.pollBatch()).isEqualTo(50);
        assertThat(targets.calendar().isWorkingDay(LocalDate.of(2026, 11, 27))).isFalse();
        assertThat(targets.calendar().isWorkingDay(LocalDate.of(2026, 11, 30))).as("FOI only").isTrue();
        assertThat(targets.foiCalendar().isWorkingDay(LocalDate.of(2026, 11, 30))).isFalse();
        // Thursday 26 November: Friday 27 is the one-off holiday, so day 1 is Monday 30 and day 5 Friday 4 December
        assertThat(targets.complaintDueDate(1, LocalDate.of(2026, 11, 26))).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(targets.complaintStageTwoWorkingDays()).isEqualTo(15);
    }
}
