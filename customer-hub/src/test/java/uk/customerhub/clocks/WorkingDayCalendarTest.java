package uk.customerhub.clocks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * England and Wales working days: the shipped bank holiday list checked date by date against GOV.UK's, the standing
 * pattern the calendar falls back on, and properties of counting working days over many random starts.
 */
class WorkingDayCalendarTest {
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    /** A fixed seed, so a failure names a start date that fails again. */
    private static final long SEED = 20261123L;

    @Test
    void the_2026_bank_holidays_of_england_and_wales_include_boxing_days_substitute() {
        assertThat(CALENDAR.bankHolidaysBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 4),
                LocalDate.of(2026, 5, 25), LocalDate.of(2026, 8, 31), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2025, 2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26",
            "2026, 2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28",
            "2027, 2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28",
            "2028, 2028-01-03 2028-04-14 2028-04-17 2028-05-01 2028-05-29 2028-08-28 2028-12-25 2028-12-26"})
    void each_year_of_the_shipped_list_matches_gov_uk(int year, String published) {
        List<LocalDate> expected = Stream.of(published.split(" ")).map(LocalDate::parse).toList();

        assertThat(CALENDAR.bankHolidaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2025, 2026, 2027, 2028})
    void the_standing_pattern_gives_the_shipped_list_for_its_years(int year) {
        assertThat(EnglandAndWalesBankHolidays.byStandingPattern(year)).containsExactlyInAnyOrderElementsOf(
                EnglandAndWalesBankHolidays.LIST.stream().filter(day -> day.getYear() == year).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // years with substitute days: Christmas on a Sunday, New Year's Day on a Sunday, on a Saturday
            "2022, 2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-05-30 2022-08-29 2022-12-26 2022-12-27",
            "2023, 2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-29 2023-08-28 2023-12-25 2023-12-26",
            "2033, 2033-01-03 2033-04-15 2033-04-18 2033-05-02 2033-05-30 2033-08-29 2033-12-26 2033-12-27"})
    void the_standing_pattern_moves_holidays_off_weekends(int year, String expected) {
        // 2022 and 2023 also had one-off holidays (the Platinum Jubilee, the Queen's funeral, the coronation) and in
        // 2022 the spring bank holiday moved to 2 June: such changes come only from a configured list
        assertThat(EnglandAndWalesBankHolidays.byStandingPattern(year))
                .containsExactlyInAnyOrderElementsOf(Stream.of(expected.split(" ")).map(LocalDate::parse).toList());
    }

    @Test
    void easter_sunday_is_right_for_known_years() {
        assertThat(Stream.of(2000, 2019, 2024, 2025, 2026, 2027, 2028, 2038).map(EnglandAndWalesBankHolidays::easterSunday))
                .containsExactly(LocalDate.of(2000, 4, 23), LocalDate.of(2019, 4, 21), LocalDate.of(2024, 3, 31),
                        LocalDate.of(2025, 4, 20), LocalDate.of(2026, 4, 5), LocalDate.of(2027, 3, 28),
                        LocalDate.of(2028, 4, 16), LocalDate.of(2038, 4, 25));
    }

    @Test
    void beyond_the_list_the_calendar_still_skips_new_years_day() {
        // 1 January 2029 is a Monday, past the shipped list
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2029, 1, 1))).isFalse();
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2028, 12, 22), 1)).isEqualTo(LocalDate.of(2028, 12, 27));
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2028, 12, 29), 1)).isEqualTo(LocalDate.of(2029, 1, 2));
    }

    @Test
    void a_configured_list_speaks_for_the_whole_of_its_years() {
        // a council's own list for 2026 without Boxing Day's substitute, and with an extra day
        WorkingDayCalendar own = new WorkingDayCalendar(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 6, 1)));

        assertThat(own.isWorkingDay(LocalDate.of(2026, 12, 28))).isTrue();
        assertThat(own.isWorkingDay(LocalDate.of(2026, 6, 1))).isFalse();
        assertThat(own.isWorkingDay(LocalDate.of(2026, 1, 1))).as("not on the list for 2026").isTrue();
        assertThat(own.isWorkingDay(LocalDate.of(2027, 1, 1))).as("2027 falls back on the pattern").isFalse();
    }

    @Test
    void extra_non_working_days_are_added_to_any_year() {
        // Scotland's 2 January 2026 (a Friday) and St Andrew's Day 2026 (Monday 30 November)
        WorkingDayCalendar uk = CALENDAR.withExtraNonWorkingDays(List.of(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 11, 30)));

        assertThat(uk.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
        assertThat(uk.isWorkingDay(LocalDate.of(2026, 11, 30))).isFalse();
        assertThat(uk.isWorkingDay(LocalDate.of(2026, 12, 28))).as("the list still applies").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 1, 2))).as("the original is unchanged").isTrue();
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-11-20, 1, 2026-11-23",   // Friday: day 1 is Monday
            "2026-11-21, 1, 2026-11-23",   // received on a Saturday: day 1 is still Monday
            "2026-12-24, 1, 2026-12-29",   // over Christmas Day and Boxing Day's substitute
            "2026-12-24, 3, 2026-12-31",
            "2026-12-24, 4, 2027-01-04",   // and New Year's Day
            "2026-04-02, 1, 2026-04-07",   // Maundy Thursday: over Good Friday, the weekend and Easter Monday
            "2026-11-23, 0, 2026-11-23"})
    void counts_working_days_from_the_day_after(LocalDate from, int days, LocalDate expected) {
        assertThat(CALENDAR.plusWorkingDays(from, days)).isEqualTo(expected);
    }

    static Stream<LocalDate> randomDays() {
        Random random = new Random(SEED);
        LocalDate first = LocalDate.of(2025, 1, 1);
        return IntStream.range(0, 300).mapToObj(i -> first.plusDays(random.nextInt(4 * 365)));
    }

    @ParameterizedTest
    @MethodSource("randomDays")
    void counting_n_working_days_lands_on_a_working_day_with_exactly_n_working_days_after_the_start(LocalDate from) {
        for (int n : new int[]{1, 10, 20}) {
            LocalDate due = CALENDAR.plusWorkingDays(from, n);

            assertThat(CALENDAR.isWorkingDay(due)).isTrue();
            assertThat(from.plusDays(1).datesUntil(due.plusDays(1)).filter(CALENDAR::isWorkingDay).count()).isEqualTo(n);
            // never fewer calendar days than working days, never more than n working days allow around Christmas
            assertThat(due).isAfterOrEqualTo(from.plusDays(n)).isBeforeOrEqualTo(from.plusDays(n * 7L / 5 + 6));
        }
    }

    @ParameterizedTest
    @MethodSource("randomDays")
    void a_working_day_is_a_weekday_off_the_list(LocalDate day) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;

        assertThat(CALENDAR.isWorkingDay(day)).isEqualTo(!weekend && !EnglandAndWalesBankHolidays.LIST.contains(day));
        assertThat(CALENDAR.isWorkingDay(CALENDAR.workingDayOnOrAfter(day))).isTrue();
    }

    @Test
    void the_list_holds_no_weekend() {
        assertThat(EnglandAndWalesBankHolidays.LIST).hasSize(32)
                .allSatisfy(day -> assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @Test
    void dates_are_read_in_london() {
        // 23:30 UTC is still the same day in winter (GMT) but already the next day in summer (BST)
        assertThat(WorkingDayCalendar.dateInLondon(Instant.parse("2026-12-24T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(WorkingDayCalendar.dateInLondon(Instant.parse("2026-06-10T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 6, 11));
        assertThat(WorkingDayCalendar.endOfDay(LocalDate.of(2027, 1, 26))).isEqualTo(Instant.parse("2027-01-27T00:00:00Z"));
        assertThat(WorkingDayCalendar.endOfDay(LocalDate.of(2027, 6, 21))).isEqualTo(Instant.parse("2027-06-21T23:00:00Z"));
    }

    @Test
    void a_count_past_a_year_of_working_days_is_refused() {
        assertThatThrownBy(() -> CALENDAR.plusWorkingDays(LocalDate.of(2026, 1, 1), 367))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CALENDAR.plusWorkingDays(LocalDate.of(2026, 1, 1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
