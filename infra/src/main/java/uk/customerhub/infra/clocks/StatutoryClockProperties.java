package uk.customerhub.infra.clocks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.customerhub.clocks.EnglandAndWalesBankHolidays;
import uk.customerhub.clocks.StatutoryTargets;
import uk.customerhub.clocks.WorkingDayCalendar;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Statutory clocks ({@code hub.clocks.*}): the bank holidays working days skip, the response targets, and how often
 * the timer looks for clocks that have run out.
 *
 * @param bankHolidays                 England and Wales bank holidays; empty (the default) means the list the hub
 *                                     ships with ({@link EnglandAndWalesBankHolidays#LIST}, 2025–2028). A list
 *                                     given here replaces it for every year it names a date in; other years follow
 *                                     the standing pattern
 * @param foiExtraNonWorkingDays       days the FOI count also skips (FOIA s.10(6) excludes bank holidays in any part
 *                                     of the UK: add Scotland's and Northern Ireland's here); none by default
 * @param foiWorkingDays               FOI target, working days after the day of receipt (20)
 * @param complaintStageOneWorkingDays complaint stage 1 target, working days after receipt (10)
 * @param complaintStageTwoWorkingDays complaint stage 2 target, working days after escalation (20)
 * @param pollInterval                 how often the timer looks for clocks past their due date (30 s)
 * @param pollBatch                    at most this many overdue clocks marked per look (500)
 */
@ConfigurationProperties("hub.clocks")
public record StatutoryClockProperties(@DefaultValue List<LocalDate> bankHolidays,
                                       @DefaultValue List<LocalDate> foiExtraNonWorkingDays,
                                       @DefaultValue("" + StatutoryTargets.FOI_WORKING_DAYS) int foiWorkingDays,
                                       @DefaultValue("" + StatutoryTargets.COMPLAINT_STAGE_ONE_WORKING_DAYS) int complaintStageOneWorkingDays,
                                       @DefaultValue("" + StatutoryTargets.COMPLAINT_STAGE_TWO_WORKING_DAYS) int complaintStageTwoWorkingDays,
                                       @DefaultValue("30s") Duration pollInterval,
                                       @DefaultValue("500") int pollBatch) {

    StatutoryTargets targets() {
        WorkingDayCalendar calendar = bankHolidays.isEmpty()
                ? WorkingDayCalendar.englandAndWales()
                : new WorkingDayCalendar(bankHolidays);
        return new StatutoryTargets(calendar, calendar.withExtraNonWorkingDays(foiExtraNonWorkingDays),
                foiWorkingDays, complaintStageOneWorkingDays, complaintStageTwoWorkingDays);
    }
}
