package uk.customerhub.customer;

import uk.customerhub.api.SlaTarget;
import uk.customerhub.api.SlaTargetStatus;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the record remembers of a request's service level clock: each target's status and due date (as a date in
 * London and as the instant it runs out), and since when the clock is paused (null while it runs).
 */
record SlaClock(SlaTargetStatus response,
                LocalDate responseDueDate,
                Instant responseDueAt,
                SlaTargetStatus resolution,
                LocalDate resolutionDueDate,
                Instant resolutionDueAt,
                Instant pausedAt,
                long changedPosition) {

    SlaTargetStatus status(SlaTarget target) {
        SlaTargetStatus status = target == SlaTarget.RESPONSE ? response : resolution;
        return status == SlaTargetStatus.RUNNING && pausedAt != null ? SlaTargetStatus.PAUSED : status;
    }

    Instant dueAt(SlaTarget target) {
        return target == SlaTarget.RESPONSE ? responseDueAt : resolutionDueAt;
    }

    LocalDate dueDate(SlaTarget target) {
        return target == SlaTarget.RESPONSE ? responseDueDate : resolutionDueDate;
    }

    boolean running(SlaTarget target) {
        return (target == SlaTarget.RESPONSE ? response : resolution) == SlaTargetStatus.RUNNING;
    }

    SlaClock with(SlaTarget target, SlaTargetStatus status, long position) {
        return target == SlaTarget.RESPONSE
                ? new SlaClock(status, responseDueDate, responseDueAt, resolution, resolutionDueDate, resolutionDueAt, pausedAt, position)
                : new SlaClock(response, responseDueDate, responseDueAt, status, resolutionDueDate, resolutionDueAt, pausedAt, position);
    }

    SlaClock paused(Instant at, long position) {
        return new SlaClock(response, responseDueDate, responseDueAt, resolution, resolutionDueDate, resolutionDueAt, at, position);
    }

    SlaClock resumed(LocalDate newResponseDueDate, Instant newResponseDueAt, LocalDate newResolutionDueDate,
                     Instant newResolutionDueAt, long position) {
        return new SlaClock(response, newResponseDueDate == null ? responseDueDate : newResponseDueDate,
                newResponseDueAt == null ? responseDueAt : newResponseDueAt, resolution,
                newResolutionDueDate == null ? resolutionDueDate : newResolutionDueDate,
                newResolutionDueAt == null ? resolutionDueAt : newResolutionDueAt, null, position);
    }
}
