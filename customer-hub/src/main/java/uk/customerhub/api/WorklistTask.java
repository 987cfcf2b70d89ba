package uk.customerhub.api;

import java.time.Instant;

/**
 * A task for hub staff about a customer's service request: what happened ({@code kind}, {@code summary}), for whom,
 * with which provider, since when, and — once done — who completed it, when, and their note. A task about a
 * restricted case carries its visibility and specialism, so only staff who may see the case see the task.
 */
public record WorklistTask(String taskId,
                           TaskKind kind,
                           String customerId,
                           String serviceRequestId,
                           String serviceCode,
                           String providerId,
                           String summary,
                           Instant createdAt,
                           TaskStatus status,
                           Instant completedAt,
                           String completedBy,
                           String note,
                           Visibility visibility,
                           Specialism specialism) {
}
