package uk.customerhub.clocks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.customerhub.api.StatutoryClockKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When answers are due: FOI and subject access requests across bank holidays and month ends, and complaints. */
class StatutoryTargetsTest {
    private static final StatutoryTargets TARGETS = StatutoryTargets.defaults();

    @ParameterizedTest(name = "FOI received {0}: due {1}")
    @CsvSource({
            // Thursday 24 December 2026: Christmas Day, Boxing Day's substitute (Monday 28) and New Year's Day are
            // not working days, so day 1 is Tuesday 29 December and day 20 Tuesday 26 January
            "2026-12-24, 2027-01-26",
            // Maundy Thursday 2026: over Good Friday, Easter Monday and the early May bank holiday (4 May)
            "2026-04-02, 2026-05-05",
            // over both May bank holidays 2026: early May (4 May) and spring (25 May)
            "2026-04-30, 2026-06-01",
            // received on a Saturday: day 1 is the Monday
            "2026-11-21, 2026-12-18",
            // an ordinary four weeks
            "2026-11-23, 2026-12-21"})
    void foi_is_due_on_the_twentieth_working_day_after_receipt(LocalDate received, LocalDate due) {
        assertThat(TARGETS.foiDueDate(received)).isEqualTo(due);
    }

    @ParameterizedTest(name = "SAR received {0}: due {1}")
    @CsvSource({
            // month end: 31 January has no 31 February, so the last day of February; in 2027 that is Sunday 28
            // February, and a due date on a weekend moves to the next working day (ICO), Monday 1 March
            "2027-01-31, 2027-03-01",
            // in a leap year the last day is Tuesday 29 February 2028, a working day
            "2028-01-31, 2028-02-29",
            "2027-01-29, 2027-03-01",   // Monday 1 March
            "2027-01-28, 2027-03-01",   // Sunday 28 February: Monday
            "2027-03-31, 2027-04-30",   // 31 March: the last day of April, a Friday
            // bank holidays: 28 December 2026 (Boxing Day's substitute) is not a working day
            "2026-11-28, 2026-12-29",
            "2026-11-25, 2026-12-29",   // 25 December, Christmas Day, a Friday: after the weekend and Monday 28
            "2026-11-23, 2026-12-23",   // an ordinary month
            "2027-04-03, 2027-05-04"})  // 3 May 2027 is the early May bank holiday
    void a_subject_access_request_is_due_a_calendar_month_after_receipt(LocalDate received, LocalDate due) {
        assertThat(TARGETS.subjectAccessDueDate(received)).isEqualTo(due);
    }

    @Test
    void a_subject_access_request_received_on_31_january_runs_to_the_last_day_of_february() {
        // the corresponding date before the move off the weekend: what UK GDPR's "one month" gives
        assertThat(LocalDate.of(2027, 1, 31).plusMonths(1)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(TARGETS.dueDate(StatutoryClockKind.SUBJECT_ACCESS_REQUEST, null, Instant.parse("2027-01-31T11:00:00Z")))
                .isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(TARGETS.dueDate(StatutoryClockKind.SUBJECT_ACCESS_REQUEST, null, Instant.parse("2028-01-31T11:00:00Z")))
                .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void complaints_are_due_ten_working_days_at_stage_1_and_twenty_at_stage_2() {
        assertThat(TARGETS.complaintDueDate(1, LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(TARGETS.complaintDueDate(2, LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2027, 1, 26));
        assertThatThrownBy(() -> TARGETS.complaintDueDate(3, LocalDate.of(2026, 12, 24)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void complaint_targets_are_configurable() {
        StatutoryTargets council = new StatutoryTargets(WorkingDayCalendar.englandAndWales(),
                WorkingDayCalendar.englandAndWales(), 20, 5, 15);

        assertThat(council.complaintDueDate(1, LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(council.complaintDueDate(2, LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 12, 14));
    }

    @Test
    void the_foi_calendar_may_count_bank_holidays_elsewhere_in_the_uk() {
        // Scotland's substitute for 2 January 2027 (a Saturday) is Monday 4 January
        WorkingDayCalendar englandAndWales = WorkingDayCalendar.englandAndWales();
        StatutoryTargets ukWide = new StatutoryTargets(englandAndWales,
                englandAndWales.withExtraNonWorkingDays(List.of(LocalDate.of(2027, 1, 4))), 20, 10, 20);

        assertThat(ukWide.foiDueDate(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2027, 1, 27));
        assertThat(ukWide.complaintDueDate(1, LocalDate.of(2026, 12, 24))).as("complaints keep the general calendar")
                .isEqualTo(LocalDate.of(2027, 1, 12));
    }

    @Test
    void the_date_of_receipt_is_the_date_in_london() {
        // 23:30 UTC on Wednesday 10 June 2026 is already Thursday 11 June in London (BST)
        assertThat(TARGETS.dueDate(StatutoryClockKind.FOI_REQUEST, null, Instant.parse("2026-06-10T23:30:00Z")))
                .isEqualTo(TARGETS.foiDueDate(LocalDate.of(2026, 6, 11)));
        assertThat(TARGETS.dueDate(StatutoryClockKind.COMPLAINT, 1, Instant.parse("2026-12-24T23:30:00Z")))
                .isEqualTo(LocalDate.of(2027, 1, 12));
    }

    @Test
    void a_clock_is_overdue_from_the_end_of_its_due_date_in_london() {
        assertThat(StatutoryTargets.overdueFrom(LocalDate.of(2027, 1, 26))).isEqualTo(Instant.parse("2027-01-27T00:00:00Z"));
        assertThat(StatutoryTargets.overdueFrom(LocalDate.of(2027, 6, 21))).isEqualTo(Instant.parse("2027-06-21T23:00:00Z"));
    }

    @Test
    void a_target_outside_one_to_366_working_days_is_refused() {
        WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();
        assertThatThrownBy(() -> new StatutoryTargets(calendar, calendar, 0, 10, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StatutoryTargets(calendar, calendar, 20, 10, 400)).isInstanceOf(IllegalArgumentException.class);
    }
}
