package uk.customerhub.clocks;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in Europe/London: every day but Saturdays, Sundays and bank holidays.
 * <p>
 * The bank holidays are a list given at construction ({@link #englandAndWales()}: England and Wales 2025–2028, see
 * {@link EnglandAndWalesBankHolidays#LIST}). A list speaks for the whole of every year it names a date in; for a year
 * it does not reach, the calendar falls back on the standing pattern of England and Wales bank holidays
 * ({@link EnglandAndWalesBankHolidays#byStandingPattern}), so a clock running past the end of the list still skips
 * New Year's Day. Extra non-working days ({@link #withExtraNonWorkingDays}) are added on top, whatever the year.
 * <p>
 * Immutable and safe to share.
 */
public final class WorkingDayCalendar {
    /** The time zone every statutory date is read in. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The furthest a deadline may be counted, in working days: guards against a misconfigured target. */
    public static final int MAX_WORKING_DAYS = 366;

    private final Set<LocalDate> listed;
    private final Set<Integer> listedYears;
    private final Set<LocalDate> extra;

    /** A calendar whose bank holidays are {@code bankHolidays} (for the years they fall in; see the class comment). */
    public WorkingDayCalendar(Collection<LocalDate> bankHolidays) {
        this(bankHolidays, List.of());
    }

    private WorkingDayCalendar(Collection<LocalDate> bankHolidays, Collection<LocalDate> extra) {
        Objects.requireNonNull(bankHolidays, "bankHolidays");
        this.listed = Set.copyOf(bankHolidays);
        Set<Integer> years = new HashSet<>();
        listed.forEach(day -> years.add(day.getYear()));
        this.listedYears = Set.copyOf(years);
        this.extra = Set.copyOf(extra);
    }

    /** England and Wales bank holidays as published for 2025–2028, the standing pattern beyond. */
    public static WorkingDayCalendar englandAndWales() {
        return new WorkingDayCalendar(EnglandAndWalesBankHolidays.LIST);
    }

    /**
     * This calendar with more days off, whatever their year: for instance the bank holidays of Scotland and Northern
     * Ireland, which the Freedom of Information Act (s.10(6)) also excludes from its working days.
     */
    public WorkingDayCalendar withExtraNonWorkingDays(Collection<LocalDate> days) {
        Set<LocalDate> all = new HashSet<>(extra);
        all.addAll(days);
        return new WorkingDayCalendar(listed, all);
    }

    public boolean isBankHoliday(LocalDate date) {
        if (extra.contains(date)) {
            return true;
        }
        return listedYears.contains(date.getYear())
                ? listed.contains(date)
                : EnglandAndWalesBankHolidays.byStandingPattern(date.getYear()).contains(date);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isBankHoliday(date);
    }

    /**
     * The {@code workingDays}-th working day after {@code from}: the first working day after {@code from} is day 1,
     * whether or not {@code from} is itself a working day (as the FOI Act counts from the date of receipt).
     * Zero days answers {@code from} itself.
     */
    public LocalDate plusWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("working days must be 0-" + MAX_WORKING_DAYS + ", not " + workingDays);
        }
        LocalDate day = from;
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** {@code date} when it is a working day, else the next working day after it. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The bank holidays (listed, by pattern, or extra) from {@code first} to {@code last}, both included, in order. */
    public List<LocalDate> bankHolidaysBetween(LocalDate first, LocalDate last) {
        Set<LocalDate> found = new TreeSet<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (isBankHoliday(day)) {
                found.add(day);
            }
        }
        return List.copyOf(found);
    }

    /** The date an instant falls on in London. */
    public static LocalDate dateInLondon(Instant instant) {
        return instant.atZone(LONDON).toLocalDate();
    }

    /** The instant a date ends in London: the first moment of the next day (the due day itself is still in time). */
    public static Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay(LONDON).toInstant();
    }
}
