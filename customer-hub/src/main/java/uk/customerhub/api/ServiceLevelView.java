package uk.customerhub.api;

import java.time.LocalDate;

/**
 * A service request's service level targets as the single view shows them: the last day for the provider's first
 * response and for the request's resolution, and where each stands (running, paused, met, breached).
 */
public record ServiceLevelView(LocalDate responseDueDate, SlaTargetStatus response,
                               LocalDate resolutionDueDate, SlaTargetStatus resolution) {
}
