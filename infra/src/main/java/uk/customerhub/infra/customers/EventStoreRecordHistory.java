package uk.customerhub.infra.customers;

import org.axonframework.eventsourcing.eventstore.EventStore;
import uk.customerhub.customer.RecordHistory;

import java.util.List;

/**
 * A record's history from the event store: its events by record id from the first (snapshots left aside), a lookup by
 * the record's id, as the record is loaded. Read only when a contact is moved.
 */
public class EventStoreRecordHistory implements RecordHistory {
    private final EventStore eventStore;

    public EventStoreRecordHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public List<RecordedEvent> of(String customerId) {
        return eventStore.readEvents(customerId, 0L).asStream()
                .map(event -> new RecordedEvent(event.getPayload(), event.getTimestamp()))
                .toList();
    }
}
