package uk.customerhub.projections.customerview;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.Channel;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.Visibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.customerhub.projections.customerview.Events.contact;
import static uk.customerhub.projections.customerview.Events.linked;
import static uk.customerhub.projections.customerview.Events.profile;
import static uk.customerhub.projections.customerview.Events.profileUpdated;
import static uk.customerhub.projections.customerview.Events.registered;
import static uk.customerhub.projections.customerview.Events.serviceRequest;
import static uk.customerhub.projections.customerview.Events.serviceRequestContact;

/**
 * The "customer-view" processor handles events in batches and writes each batch's view changes together at its end
 * ({@link CustomerViewBatches}): the single view it leaves must be the one event-by-event handling leaves, also when a
 * batch is delivered again after a crash part-way through its writes.
 */
class BatchedViewWritesTest extends SingleViewTestBase {

    @Test
    void a_batch_leaves_the_same_single_view_as_handling_its_events_one_by_one() {
        // given the same events, several of one customer in one batch
        List<EventMessage<?>> events = history();

        // when one database gets them one by one, another in two batches
        MongoDatabase oneByOne = database;
        events.forEach(event -> deliverAlone(oneByOne, event));
        MongoDatabase batched = otherDatabase();
        deliverInBatch(batched, events.subList(0, 5));
        deliverInBatch(batched, events.subList(5, events.size()));

        // then every collection of the single view holds the same documents
        assertThat(contents(batched)).isEqualTo(contents(oneByOne)).containsKey(CustomerViewStore.VIEWS);
    }

    @Test
    void nothing_is_written_before_the_batch_has_been_handled_then_everything_is() {
        // given a batch of one customer's registration and contacts
        List<EventMessage<?>> events = history().subList(0, 4);
        AtomicLong viewsSeenByLastEvent = new AtomicLong(-1);

        // when it is handled, looking at the database while handling its last event
        deliverInBatch(database, events, () -> viewsSeenByLastEvent.set(
                database.getCollection(CustomerViewStore.VIEWS).countDocuments()));

        // then the view was not written until the batch ended, and is complete after it
        assertThat(viewsSeenByLastEvent.get()).isZero();
        assertThat(database.getCollection(CustomerViewStore.VIEWS).countDocuments()).isEqualTo(2);
        assertThat(database.getCollection(CustomerViewStore.VIEWS).find(new Document("_id", "customer-ada")).first()
                .getLong("position")).isEqualTo(2L);
    }

    @Test
    void a_batch_delivered_again_after_its_writes_stopped_before_the_views_gives_the_same_view() {
        // given a batch whose entries, filters and lookups were written, but not its views (a crash in the flush)
        List<EventMessage<?>> events = history();
        MongoDatabase oneByOne = database;
        events.forEach(event -> deliverAlone(oneByOne, event));
        MongoDatabase crashed = otherDatabase();
        deliverInBatch(crashed, events.subList(0, 3));
        deliverInBatchWithoutViews(crashed, events.subList(3, events.size()));

        // when the processor delivers the whole batch again
        deliverInBatch(crashed, events.subList(3, events.size()));

        // then the single view is as if nothing had happened
        assertThat(contents(crashed)).isEqualTo(contents(oneByOne));
    }

    @Test
    void a_batch_delivered_again_after_it_was_written_changes_nothing() {
        // given a batch handled and written, but whose token was not stored (a crash just before the commit)
        List<EventMessage<?>> events = history();
        deliverInBatch(database, events);
        Map<String, List<Document>> before = contents(database);

        // when the processor delivers it again
        deliverInBatch(database, events);

        // then nothing changed
        assertThat(contents(database)).isEqualTo(before);
    }

    /** Two customers: registrations, contacts (resident-visible and staff-only), a service request, a new profile. */
    private List<EventMessage<?>> history() {
        String ada = "customer-ada";
        String bob = "customer-bob";
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(feed.next(ada, registered(ada, profile("Ada", "Lovelace", "ada@example.org", "SO14 7LY"))));
        events.add(feed.next(ada, contact(ada, "contact-1", Channel.PHONE, Visibility.RESIDENT_VISIBLE)));
        events.add(feed.next(bob, registered(bob, profile("Bob", "Baker", "bob@example.org", "SO15 1AA"))));
        events.add(feed.next(ada, contact(ada, "contact-2", Channel.EMAIL, Visibility.STAFF_ONLY)));
        events.add(feed.next(bob, linked(bob, IdentityKind.DIGITAL_ID, "subject-bob")));
        events.add(feed.next(ada, serviceRequestContact(ada, "contact-3", Channel.WEB, Visibility.RESIDENT_VISIBLE)));
        events.add(feed.next(ada, serviceRequest(ada, "request-1", "contact-3", Visibility.RESIDENT_VISIBLE)));
        events.add(feed.next(bob, contact(bob, "contact-4", Channel.PHONE, Visibility.RESIDENT_VISIBLE)));
        events.add(feed.next(ada, profileUpdated(ada, profile("Ada", "King", "ada@example.org", "SO16 2BB"))));
        events.add(feed.next(ada, contact(ada, "contact-5", Channel.PHONE, Visibility.RESIDENT_VISIBLE)));
        return events;
    }

    private MongoDatabase otherDatabase() {
        return clientDatabase(database.getName() + "-other");
    }

    private void deliverAlone(MongoDatabase target, EventMessage<?> event) {
        try {
            new AnnotationEventHandlerAdapter(new CustomerViewProjection(target, HASH)).handle(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void deliverInBatch(MongoDatabase target, List<EventMessage<?>> events) {
        deliverInBatch(target, events, () -> {
        });
    }

    /** As the tracking processor does: one unit of work for the batch, the processor's interceptor around each event. */
    private void deliverInBatch(MongoDatabase target, List<EventMessage<?>> events, Runnable atLastEvent) {
        AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(new CustomerViewProjection(target, HASH));
        CustomerViewBatches batches = new CustomerViewBatches(target);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        var result = batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(batches), message -> {
            Object handled = projection.handle(message);
            if (batch.isLastMessage()) {
                atLastEvent.run();
            }
            return handled;
        }).proceed());
        assertThat(result.isExceptional()).as("the batch failed: %s", result.optionalExceptionResult()).isFalse();
    }

    /** Handles a batch and writes its pending writes except the views, as a flush cut short before them would. */
    private void deliverInBatchWithoutViews(MongoDatabase target, List<EventMessage<?>> events) {
        AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(new CustomerViewProjection(target, HASH));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        PendingViewWrites pending = new PendingViewWrites(target);
        batch.executeWithResult(() -> {
            CurrentUnitOfWork.get().resources().put(CustomerViewBatches.RESOURCE, pending);
            Object handled = projection.handle(batch.getMessage());
            if (batch.isLastMessage()) {
                for (String collection : CustomerViewReset.COLLECTIONS) {
                    if (!collection.equals(CustomerViewStore.VIEWS)) {
                        pending.flush(collection);
                    }
                }
            }
            return handled;
        });
    }

    /** Every document of every collection of the single view, by collection, in {@code _id} order. */
    private static Map<String, List<Document>> contents(MongoDatabase target) {
        Map<String, List<Document>> contents = new TreeMap<>();
        for (String collection : CustomerViewReset.COLLECTIONS) {
            List<Document> documents = target.getCollection(collection).find().into(new ArrayList<>());
            documents.sort((a, b) -> a.getString("_id").compareTo(b.getString("_id")));
            if (!documents.isEmpty()) {
                contents.put(collection, documents);
            }
        }
        return contents;
    }
}
