package uk.customerhub.api;

import java.time.Instant;

/** Staff completed a worklist task about the customer's service request; who did is in the event's metadata (actor). */
public record WorklistTaskCompleted(String customerId, String taskId, String serviceRequestId, String note,
                                    Instant completedAt) {
}
