package uk.customerhub.clocks;

import uk.customerhub.api.StatutoryClockKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When the council's answer is due, by kind of clock. The customer record gets this as an injectable resource (like
 * {@code UniqueKeys}), configured by infra; the rules live here so the record only applies events.
 * <ul>
 *   <li><b>FOI request</b> (Freedom of Information Act 2000, s.10): the {@code foiWorkingDays}-th (20th) working day
 *       following the date of receipt; the day after receipt is day 1, and receipt on a weekend or bank holiday
 *       counts from that day all the same. Counted on the FOI calendar, which may add days off to the general one
 *       (s.10(6) excludes bank holidays in any part of the UK).</li>
 *   <li><b>Subject access request</b> (UK GDPR Art. 12(3), as the ICO reads it): one calendar month from the day of
 *       receipt, to the corresponding day of the next month, or the last day of that month when it has no such day
 *       (received 31 January: 28 or 29 February); when that day is a weekend or bank holiday, the next working
 *       day.</li>
 *   <li><b>Complaint</b>: stage 1 the {@code complaintStageOneWorkingDays}-th (10th) working day after receipt,
 *       stage 2 the {@code complaintStageTwoWorkingDays}-th (20th) working day after the escalation, counted like
 *       FOI on the general calendar.</li>
 * </ul>
 * Every date is the date in Europe/London of the instant given; a clock is overdue once its due date has ended there.
 */
public final class StatutoryTargets {
    public static final int FOI_WORKING_DAYS = 20;
    public static final int COMPLAINT_STAGE_ONE_WORKING_DAYS = 10;
    public static final int COMPLAINT_STAGE_TWO_WORKING_DAYS = 20;

    private final WorkingDayCalendar calendar;
    private final WorkingDayCalendar foiCalendar;
    private final int foiWorkingDays;
    private final int complaintStageOneWorkingDays;
    private final int complaintStageTwoWorkingDays;

    public StatutoryTargets(WorkingDayCalendar calendar, WorkingDayCalendar foiCalendar, int foiWorkingDays,
                            int complaintStageOneWorkingDays, int complaintStageTwoWorkingDays) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.foiCalendar = Objects.requireNonNull(foiCalendar, "foiCalendar");
        this.foiWorkingDays = target("FOI", foiWorkingDays);
        this.complaintStageOneWorkingDays = target("complaint stage 1", complaintStageOneWorkingDays);
        this.complaintStageTwoWorkingDays = target("complaint stage 2", complaintStageTwoWorkingDays);
    }

    /** The statutory targets and the council's default complaint targets on England and Wales bank holidays. */
    public static StatutoryTargets defaults() {
        return withCalendar(WorkingDayCalendar.englandAndWales());
    }

    /** The default targets on {@code calendar} (for FOI too). */
    public static StatutoryTargets withCalendar(WorkingDayCalendar calendar) {
        return new StatutoryTargets(calendar, calendar, FOI_WORKING_DAYS, COMPLAINT_STAGE_ONE_WORKING_DAYS,
                COMPLAINT_STAGE_TWO_WORKING_DAYS);
    }

    /** The stage a clock of this kind starts at when its contact is recorded: 1 for a complaint, none otherwise. */
    public static Integer firstStage(StatutoryClockKind kind) {
        return kind == StatutoryClockKind.COMPLAINT ? 1 : null;
    }

    /** The last day to answer a clock of {@code kind} (at {@code stage}, for a complaint) running from {@code from}. */
    public LocalDate dueDate(StatutoryClockKind kind, Integer stage, Instant from) {
        LocalDate received = WorkingDayCalendar.dateInLondon(from);
        return switch (kind) {
            case FOI_REQUEST -> foiDueDate(received);
            case SUBJECT_ACCESS_REQUEST -> subjectAccessDueDate(received);
            case COMPLAINT -> complaintDueDate(stage == null ? 1 : stage, received);
        };
    }

    public LocalDate foiDueDate(LocalDate received) {
        return foiCalendar.plusWorkingDays(received, foiWorkingDays);
    }

    public LocalDate subjectAccessDueDate(LocalDate received) {
        // plusMonths keeps the day of the month, or takes the last day of a shorter month
        return calendar.workingDayOnOrAfter(received.plusMonths(1));
    }

    public LocalDate complaintDueDate(int stage, LocalDate from) {
        return switch (stage) {
            case 1 -> calendar.plusWorkingDays(from, complaintStageOneWorkingDays);
            case 2 -> calendar.plusWorkingDays(from, complaintStageTwoWorkingDays);
            default -> throw new IllegalArgumentException("a complaint has stages 1 and 2, not " + stage);
        };
    }

    /** The instant a clock due on {@code dueDate} becomes overdue: the end of that day in London. */
    public static Instant overdueFrom(LocalDate dueDate) {
        return WorkingDayCalendar.endOfDay(dueDate);
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    public WorkingDayCalendar foiCalendar() {
        return foiCalendar;
    }

    public int foiWorkingDays() {
        return foiWorkingDays;
    }

    public int complaintStageOneWorkingDays() {
        return complaintStageOneWorkingDays;
    }

    public int complaintStageTwoWorkingDays() {
        return complaintStageTwoWorkingDays;
    }

    private static int target(String what, int workingDays) {
        if (workingDays < 1 || workingDays > WorkingDayCalendar.MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("the " + what + " target must be 1-" + WorkingDayCalendar.MAX_WORKING_DAYS
                    + " working days, not " + workingDays);
        }
        return workingDays;
    }
}
