package uk.customerhub.infra.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest global position this node has seen stored for each of the aggregates it appended to or loaded most
 * recently (a bounded memory: the least recently seen are forgotten). An append takes a position reserved ahead only
 * when it is above the aggregate's latest known one; an aggregate not remembered gets a fresh reservation.
 * <p>
 * Sufficient because an append succeeds only on top of the aggregate's latest sequence number: if another node
 * stored events of it since, this node either loaded them (and saw their positions here) or its append fails on the
 * stream key and the command is retried on a freshly loaded aggregate.
 */
final class LatestPositions {
    private final Map<String, Long> latest;

    LatestPositions(int capacity) {
        this.latest = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Notes that {@code aggregateId} has an event stored at {@code position}. */
    synchronized void saw(String aggregateId, long position) {
        latest.merge(aggregateId, position, Math::max);
    }

    /** The latest position known for {@code aggregateId}; {@link Long#MAX_VALUE} when not remembered. */
    synchronized long of(String aggregateId) {
        Long position = latest.get(aggregateId);
        return position == null ? Long.MAX_VALUE : position;
    }
}
