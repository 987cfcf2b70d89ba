package uk.customerhub.clocks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The bank holidays of England and Wales: the published list the hub ships with ({@link #LIST}, 2025–2028, as on
 * GOV.UK) and the standing pattern they follow ({@link #byStandingPattern}), used for years outside a configured list.
 * <p>
 * The standing pattern: New Year's Day, Good Friday, Easter Monday, the first Monday of May (early May), the last
 * Monday of May (spring), the last Monday of August (summer), Christmas Day and Boxing Day. When New Year's Day falls
 * on a weekend the next Monday is the substitute; when Christmas Day or Boxing Day falls on a weekend, the substitute
 * is the next weekday that is not already a holiday (Christmas on a Saturday: Monday 27 and Tuesday 28; on a Sunday:
 * Tuesday 27 for Christmas, Boxing Day being Monday 26). One-off holidays made by proclamation (a coronation, a royal
 * funeral) and moved ones (VE Day 2020) follow no pattern: they reach the hub only through a configured list.
 */
public final class EnglandAndWalesBankHolidays {

    /** England and Wales bank holidays 2025–2028, including substitute days. */
    public static final List<LocalDate> LIST = List.of(
            // 2025
            LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 18), LocalDate.of(2025, 4, 21), LocalDate.of(2025, 5, 5),
            LocalDate.of(2025, 5, 26), LocalDate.of(2025, 8, 25), LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26),
            // 2026: Boxing Day is a Saturday, so Monday 28 December is its substitute
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 4),
            LocalDate.of(2026, 5, 25), LocalDate.of(2026, 8, 31), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28),
            // 2027: Christmas Day is a Saturday and Boxing Day a Sunday: substitutes Monday 27 and Tuesday 28 December
            LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 3),
            LocalDate.of(2027, 5, 31), LocalDate.of(2027, 8, 30), LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28),
            // 2028: New Year's Day is a Saturday, so Monday 3 January is its substitute
            LocalDate.of(2028, 1, 3), LocalDate.of(2028, 4, 14), LocalDate.of(2028, 4, 17), LocalDate.of(2028, 5, 1),
            LocalDate.of(2028, 5, 29), LocalDate.of(2028, 8, 28), LocalDate.of(2028, 12, 25), LocalDate.of(2028, 12, 26));

    private EnglandAndWalesBankHolidays() {
    }

    /** The bank holidays of {@code year} by the standing pattern (no one-off holidays). */
    public static List<LocalDate> byStandingPattern(int year) {
        List<LocalDate> holidays = new ArrayList<>();
        holidays.add(weekdayOnOrAfter(LocalDate.of(year, 1, 1)));
        LocalDate easterSunday = easterSunday(year);
        holidays.add(easterSunday.minusDays(2));
        holidays.add(easterSunday.plusDays(1));
        holidays.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        holidays.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        holidays.add(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        LocalDate christmas = weekdayOnOrAfter(LocalDate.of(year, 12, 25));
        holidays.add(christmas);
        LocalDate boxingDay = weekdayOnOrAfter(LocalDate.of(year, 12, 26));
        holidays.add(boxingDay.equals(christmas) ? weekdayOnOrAfter(christmas.plusDays(1)) : boxingDay);
        return List.copyOf(holidays);
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static LocalDate weekdayOnOrAfter(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.plusDays(2);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }
}
