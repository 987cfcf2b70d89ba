package uk.customerhub.api;

import java.time.Instant;

/**
 * A statutory clock stopped: the council responded, or the complaint was escalated to its next stage.
 * {@code withinTarget} says whether it stopped before the end of its due date.
 */
public record StatutoryClockStopped(String customerId,
                                    String clockId,
                                    String contactId,
                                    StatutoryClockKind kind,
                                    Integer stage,
                                    StatutoryClockStopReason reason,
                                    Instant stoppedAt,
                                    boolean withinTarget) {
}
