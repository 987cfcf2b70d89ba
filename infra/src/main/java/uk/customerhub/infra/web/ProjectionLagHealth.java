package uk.customerhub.infra.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Part of readiness: how far each event processor (the single view and the rest of the read side) is behind the
 * event store, in events. A processor in error makes the hub not ready; lag alone is reported, not judged — reads that
 * must see a write wait for it with {@code awaitPosition}.
 */
@Component("projections")
public class ProjectionLagHealth implements HealthIndicator {
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionLagHealth(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    public Health health() {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        Map<String, Object> details = new LinkedHashMap<>();
        boolean inError = false;
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            long slowest = processor.processingStatus().values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .mapToLong(position -> position.orElse(-1))
                    .min().orElse(head);
            inError |= processor.isError();
            details.put(processor.getName(), Map.of(
                    "lagEvents", Math.max(0, head - slowest),
                    "running", processor.isRunning(),
                    "error", processor.isError(),
                    "replaying", processor.isReplaying()));
        }
        details.put("headPosition", head);
        return (inError ? Health.outOfService() : Health.up()).withDetails(details).build();
    }
}
