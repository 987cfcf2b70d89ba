package uk.customerhub.projections.customerview;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.FetchCustomerViewAsOf;
import uk.customerhub.api.FetchTimelinePage;
import uk.customerhub.api.FetchTimelinePageAsOf;
import uk.customerhub.api.TimelinePage;
import uk.customerhub.identity.KeyedHash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The single view as the hub knew it at an instant ("what did we know on 3 March at 10:00"): rebuilt from the events
 * the hub had recorded by then — by the time each event was stored, not the time a contact says it happened.
 * <p>
 * It reads the record's events from the event store (by record id: an equality lookup, not a scan), folds those
 * recorded by the instant through the very {@link CustomerViewProjection} that builds the live view, into an
 * {@link InMemoryViewStore} made for this one question (never the live collections), and answers with the very
 * {@link CustomerViewQueries} that answer the live view, so it shows exactly what the live view showed then, to
 * whoever may see it. A record that had others merged into it by then shows them as it did then: the records merged
 * into it as of the instant are folded too, each to the same instant.
 */
public class ViewAsOf {
    private final EventStore eventStore;
    private final LookupKeys lookupKeys;

    public ViewAsOf(EventStore eventStore, KeyedHash hasher) {
        this.eventStore = eventStore;
        this.lookupKeys = new LookupKeys(hasher);
    }

    @QueryHandler
    public Optional<CustomerView> handle(FetchCustomerViewAsOf query) {
        return asOf(query.customerId(), query.asOf())
                .handle(new FetchCustomerView(query.customerId(), query.viewer(), null));
    }

    @QueryHandler
    public Optional<TimelinePage> handle(FetchTimelinePageAsOf query) {
        return asOf(query.customerId(), query.asOf()).handle(new FetchTimelinePage(query.customerId(), query.viewer(),
                query.page(), query.size(), null, query.channel(), query.type()));
    }

    /** The queries of the live view, answered from the record (and those merged into it) as of {@code instant}. */
    private CustomerViewQueries asOf(String customerId, Instant instant) {
        InMemoryViewStore store = new InMemoryViewStore();
        AnnotationEventHandlerAdapter projection =
                new AnnotationEventHandlerAdapter(new CustomerViewProjection(store, lookupKeys));
        Set<String> folded = new HashSet<>();
        Deque<String> toFold = new ArrayDeque<>();
        toFold.add(customerId);
        while (!toFold.isEmpty()) {
            String record = toFold.poll();
            if (folded.add(record)) {
                fold(record, instant, projection);
                store.view(record).ifPresent(view -> toFold.addAll(view.mergedRecords()));
            }
        }
        return new CustomerViewQueries(store, lookupKeys, Duration.ZERO);
    }

    private void fold(String customerId, Instant instant, AnnotationEventHandlerAdapter projection) {
        eventStore.readEvents(customerId, 0L).asStream()
                .filter(event -> !event.getTimestamp().isAfter(instant))
                .forEach(event -> handle(projection, event));
    }

    private static void handle(AnnotationEventHandlerAdapter projection, DomainEventMessage<?> event) {
        try {
            projection.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("event " + event.getSequenceNumber() + " of customer "
                    + event.getAggregateIdentifier() + " could not be folded into the view as of an instant", e);
        }
    }
}
