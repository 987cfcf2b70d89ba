package uk.customerhub.projections.unattributed;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.Direction;
import uk.customerhub.api.FetchTriageQueue;
import uk.customerhub.api.FetchUnattributedContact;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.RecorderKind;
import uk.customerhub.api.Role;
import uk.customerhub.api.SenderDetails;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.TriageQueue;
import uk.customerhub.api.TriageQueuePage;
import uk.customerhub.api.UnattributedContactAttached;
import uk.customerhub.api.UnattributedContactClosed;
import uk.customerhub.api.UnattributedContactDetails;
import uk.customerhub.api.UnattributedContactRecorded;
import uk.customerhub.api.UnattributedContactView;
import uk.customerhub.api.UnattributedRecordIds;
import uk.customerhub.api.UnattributedStatus;
import uk.customerhub.api.Viewer;
import uk.customerhub.api.Visibility;
import uk.customerhub.projections.TestMongo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff queues of unattributed contacts against an in-memory MongoDB wire-protocol server reached through the
 * real driver: newest first across buckets, leaving on attach or close, safe under redelivery, staff only.
 */
class UnattributedContactProjectionTest {
    static final Instant FIRST = Instant.parse("2026-03-02T09:00:00Z");
    static final Viewer AGENT = Viewer.agent("agent-7");
    static final RecordedBy SYSTEM = new RecordedBy(RecorderKind.SYSTEM, null, null);
    /** Small buckets, so a few contacts span several. */
    static final int BUCKET_SIZE = 3;

    @RegisterExtension
    static final TestMongo mongo = new TestMongo();

    MongoDatabase database;
    UnattributedContactQueries queries;
    AnnotationEventHandlerAdapter handler;
    final Map<String, Long> nextSequence = new HashMap<>();
    Instant clock = FIRST;

    @BeforeEach
    void freshDatabase() {
        database = mongo.freshDatabase("unattributed");
        handler = new AnnotationEventHandlerAdapter(new UnattributedContactProjection(database, BUCKET_SIZE));
        queries = new UnattributedContactQueries(database, Duration.ofMillis(300));
    }

    DomainEventMessage<?> publish(String contactId, Object event) {
        return publish(contactId, event, Provenance.DEFAULT_ORGANISATION);
    }

    DomainEventMessage<?> publish(String contactId, Object event, String organisation) {
        long sequence = nextSequence.merge(contactId, 1L, Long::sum) - 1;
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("UnattributedContact",
                UnattributedRecordIds.of(contactId), sequence, event, Map.of(Provenance.ORGANISATION, organisation),
                UUID.randomUUID().toString(), clock);
        clock = clock.plus(Duration.ofMinutes(1));
        deliver(message);
        return message;
    }

    void deliver(DomainEventMessage<?> message) {
        try {
            handler.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static UnattributedContactRecorded call(String contactId, String number, List<String> candidates) {
        return new UnattributedContactRecorded(contactId, TriageQueue.UNATTRIBUTED_CONTACTS, Channel.IVR,
                ContactType.ENQUIRY, Direction.INBOUND, FIRST, SYSTEM, Outcome.RESOLVED_FIRST_CONTACT,
                Visibility.RESIDENT_VISIBLE, null, candidates, "demo-telephony",
                new UnattributedContactDetails(SenderDetails.of(new Identity(IdentityKind.PHONE, number)),
                        new ContactNarrative("Call via IVR: Council tax > Balance", "ivr log")));
    }

    static UnattributedContactRecorded post(String contactId) {
        return new UnattributedContactRecorded(contactId, TriageQueue.SOCIAL_TRIAGE, Channel.SOCIAL,
                ContactType.SOCIAL_MENTION, Direction.INBOUND, FIRST, SYSTEM, null, Visibility.STAFF_ONLY, null,
                List.of(), "demo-social-listening",
                new UnattributedContactDetails(SenderDetails.of(new Identity(IdentityKind.SOCIAL_HANDLE, "x:someone")),
                        new ContactNarrative("Bins not emptied on Elm Road")));
    }

    static UnattributedContactAttached attached(String contactId, String customerId) {
        return new UnattributedContactAttached(contactId, customerId, "agent-7", Channel.IVR, ContactType.ENQUIRY,
                Direction.INBOUND, FIRST, SYSTEM, Outcome.RESOLVED_FIRST_CONTACT, Visibility.RESIDENT_VISIBLE, null,
                new ContactNarrative("Call via IVR: Council tax > Balance", "ivr log"));
    }

    TriageQueuePage page(TriageQueue queue, int page, int size) {
        return queries.handle(new FetchTriageQueue(queue, AGENT, page, size));
    }

    static List<String> ids(TriageQueuePage page) {
        return page.entries().stream().map(UnattributedContactView::contactId).toList();
    }

    @Test
    void a_recorded_contact_waits_in_its_queue_with_what_is_known_of_the_sender() {
        publish("call-1", call("call-1", "023 8083 3000", List.of("cust-1", "cust-2")));

        TriageQueuePage queue = page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 20);

        assertThat(queue.totalEntries()).isEqualTo(1);
        UnattributedContactView entry = queue.entries().get(0);
        assertThat(entry.status()).isEqualTo(UnattributedStatus.OPEN);
        assertThat(entry.channel()).isEqualTo(Channel.IVR);
        assertThat(entry.sender().identities()).containsExactly(new Identity(IdentityKind.PHONE, "+442380833000"));
        assertThat(entry.candidateCustomerIds()).containsExactly("cust-1", "cust-2");
        assertThat(entry.summary()).isEqualTo("Call via IVR: Council tax > Balance");
        assertThat(entry.transcript()).as("a page leaves transcripts out").isNull();
        assertThat(entry.recordedAt()).isEqualTo(FIRST);
        assertThat(entry.sourceSystem()).isEqualTo("demo-telephony");
        assertThat(page(TriageQueue.SOCIAL_TRIAGE, 0, 20).entries()).isEmpty();
    }

    @Test
    void one_contact_is_fetched_with_its_transcript() {
        publish("call-1", call("call-1", "023 8083 3000", List.of()));

        assertThat(queries.handle(new FetchUnattributedContact("call-1", AGENT, 0L)))
                .hasValueSatisfying(contact -> assertThat(contact.transcript()).isEqualTo("ivr log"));
        assertThat(queries.handle(new FetchUnattributedContact("call-9", AGENT, null))).isEmpty();
    }

    @Test
    void a_social_post_waits_in_the_social_triage_queue() {
        publish("social-1", post("social-1"));

        assertThat(ids(page(TriageQueue.SOCIAL_TRIAGE, 0, 20))).containsExactly("social-1");
        assertThat(page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 20).totalEntries()).isZero();
    }

    @Test
    void pages_run_newest_first_across_buckets() {
        IntStream.rangeClosed(1, 8).forEach(i -> publish("call-" + i, call("call-" + i, "023 8083 3000", List.of())));

        assertThat(ids(page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 5))).containsExactly("call-8", "call-7", "call-6", "call-5", "call-4");
        assertThat(ids(page(TriageQueue.UNATTRIBUTED_CONTACTS, 1, 5))).containsExactly("call-3", "call-2", "call-1");
        assertThat(ids(page(TriageQueue.UNATTRIBUTED_CONTACTS, 2, 2))).containsExactly("call-4", "call-3");
        assertThat(ids(page(TriageQueue.UNATTRIBUTED_CONTACTS, 4, 2))).isEmpty();
        assertThat(page(TriageQueue.UNATTRIBUTED_CONTACTS, 4, 2).totalEntries()).isEqualTo(8);
        assertThat(database.getCollection(TriageQueueStore.BUCKETS).countDocuments()).isEqualTo(3);
    }

    @Test
    void attached_and_closed_contacts_leave_the_queue_and_pages_close_up() {
        IntStream.rangeClosed(1, 7).forEach(i -> publish("call-" + i, call("call-" + i, "023 8083 3000", List.of())));

        publish("call-5", attached("call-5", "cust-1"));
        publish("call-2", new UnattributedContactClosed("call-2", "Wrong number", "agent-7"));
        publish("call-3", new UnattributedContactClosed("call-3", "Silent call", "agent-7"));
        publish("call-1", new UnattributedContactClosed("call-1", "Silent call", "agent-7"));

        assertThat(ids(page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 2))).containsExactly("call-7", "call-6");
        assertThat(ids(page(TriageQueue.UNATTRIBUTED_CONTACTS, 1, 2))).containsExactly("call-4");
        assertThat(page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 2).totalEntries()).isEqualTo(3);
        assertThat(queries.handle(new FetchUnattributedContact("call-5", AGENT, 1L))).hasValueSatisfying(contact -> {
            assertThat(contact.status()).isEqualTo(UnattributedStatus.ATTACHED);
            assertThat(contact.attachedTo()).isEqualTo("cust-1");
            assertThat(contact.attachedBy()).isEqualTo("agent-7");
            assertThat(contact.position()).isEqualTo(1);
        });
        assertThat(queries.handle(new FetchUnattributedContact("call-2", AGENT, null)))
                .map(UnattributedContactView::closedReason).contains("Wrong number");
    }

    @Test
    void a_new_contact_refills_the_newest_bucket_once_it_has_room_again() {
        IntStream.rangeClosed(1, 3).forEach(i -> publish("call-" + i, call("call-" + i, "023 8083 3000", List.of())));
        publish("call-3", new UnattributedContactClosed("call-3", "Silent call", "agent-7"));

        publish("call-4", call("call-4", "023 8083 3000", List.of()));

        assertThat(ids(page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 10))).containsExactly("call-4", "call-2", "call-1");
        assertThat(database.getCollection(TriageQueueStore.BUCKETS).countDocuments()).isEqualTo(1);
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        DomainEventMessage<?> recorded = publish("call-1", call("call-1", "023 8083 3000", List.of()));
        publish("call-2", call("call-2", "023 8083 3000", List.of()));
        DomainEventMessage<?> closed = publish("call-2", new UnattributedContactClosed("call-2", "Spam", "agent-7"));

        deliver(recorded);
        deliver(closed);
        deliver(recorded);

        assertThat(ids(page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 10))).containsExactly("call-1");
        assertThat(page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 10).totalEntries()).isEqualTo(1);
    }

    @Test
    void a_delivery_interrupted_half_way_is_finished_by_the_redelivery() {
        DomainEventMessage<?> recorded = publish("call-1", call("call-1", "023 8083 3000", List.of()));
        // as if the process stopped after writing the contact's document, before queueing it
        database.getCollection(TriageQueueStore.BUCKETS).deleteMany(Filters.empty());
        database.getCollection(TriageQueueStore.QUEUES).deleteMany(Filters.empty());
        database.getCollection(TriageQueueStore.CONTACTS).updateOne(Filters.eq("_id", "call-1"),
                Updates.set(StoredUnattributedContact.QUEUED, false));

        deliver(recorded);
        assertThat(ids(page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 10))).containsExactly("call-1");

        DomainEventMessage<?> closed = publish("call-1", new UnattributedContactClosed("call-1", "Spam", "agent-7"));
        // as if the process stopped after marking the document closed, before taking it out of the queue
        database.getCollection(TriageQueueStore.BUCKETS).updateOne(Filters.eq("_id", "council|UNATTRIBUTED_CONTACTS|0"),
                Updates.addToSet("ids", "call-1"));
        database.getCollection(TriageQueueStore.QUEUES).updateOne(Filters.eq("_id", "council|UNATTRIBUTED_CONTACTS"),
                Updates.set("counts.0", 1L));
        database.getCollection(TriageQueueStore.CONTACTS).updateOne(Filters.eq("_id", "call-1"),
                Updates.set(StoredUnattributedContact.DEQUEUED, false));

        deliver(closed);
        assertThat(page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 10).totalEntries()).isZero();
        assertThat(ids(page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 10))).isEmpty();
    }

    @Test
    void a_reset_before_a_replay_empties_the_queues_and_the_replay_rebuilds_them() throws Exception {
        List<DomainEventMessage<?>> events = List.of(
                publish("call-1", call("call-1", "023 8083 3000", List.of())),
                publish("call-2", call("call-2", "023 8083 3000", List.of())),
                publish("call-1", attached("call-1", "cust-1")));
        TriageQueuePage before = page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 10);

        handler.prepareReset(null);
        assertThat(page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 10).totalEntries()).isZero();
        events.forEach(this::deliver);

        assertThat(page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 10)).isEqualTo(before);
        assertThat(queries.handle(new FetchUnattributedContact("call-1", AGENT, null)))
                .map(UnattributedContactView::status).contains(UnattributedStatus.ATTACHED);
    }

    @Test
    void only_staff_of_the_same_organisation_see_the_queues_and_restricted_ones_only_their_specialists() {
        publish("call-1", call("call-1", "023 8083 3000", List.of()));
        publish("ref-1", new UnattributedContactRecorded("ref-1", TriageQueue.UNATTRIBUTED_CONTACTS,
                Channel.PARTNER_REFERRAL, ContactType.REFERRAL, Direction.INBOUND, FIRST, SYSTEM, null,
                Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING, List.of(), "demo-partner-referrals",
                new UnattributedContactDetails(null, new ContactNarrative("Falls referral"))));
        publish("call-3", call("call-3", "023 8083 3000", List.of()), "partner-trust");

        Viewer specialist = new Viewer(Role.SPECIALIST, "sasha", Set.of(Specialism.ADULTS_SAFEGUARDING), null);
        Viewer channel = new Viewer(Role.CHANNEL, "demo-telephony", Set.of(), null);
        Viewer resident = Viewer.resident("urn:someone");
        Viewer otherOrganisation = new Viewer(Role.AGENT, "agent-9", Set.of(), "partner-trust");

        assertThat(ids(page(TriageQueue.UNATTRIBUTED_CONTACTS, 0, 10))).containsExactly("call-1");
        assertThat(ids(queries.handle(new FetchTriageQueue(TriageQueue.UNATTRIBUTED_CONTACTS, specialist, 0, 10))))
                .containsExactly("ref-1", "call-1");
        assertThat(ids(queries.handle(new FetchTriageQueue(TriageQueue.UNATTRIBUTED_CONTACTS, otherOrganisation, 0, 10))))
                .containsExactly("call-3");
        assertThat(queries.handle(new FetchTriageQueue(TriageQueue.UNATTRIBUTED_CONTACTS, channel, 0, 10)).entries()).isEmpty();
        assertThat(queries.handle(new FetchTriageQueue(TriageQueue.UNATTRIBUTED_CONTACTS, resident, 0, 10)).totalEntries()).isZero();
        assertThat(queries.handle(new FetchUnattributedContact("ref-1", AGENT, null))).isEmpty();
        assertThat(queries.handle(new FetchUnattributedContact("ref-1", specialist, null))).isPresent();
        assertThat(queries.handle(new FetchUnattributedContact("call-1", resident, null))).isEmpty();
        assertThat(queries.handle(new FetchUnattributedContact("call-1", otherOrganisation, null))).isEmpty();
    }

    @Test
    void a_fetch_given_a_position_waits_for_it() throws Exception {
        publish("call-1", call("call-1", "023 8083 3000", List.of()));
        UnattributedContactQueries patient = new UnattributedContactQueries(database, Duration.ofSeconds(5));

        CompletableFuture<UnattributedContactView> answer = CompletableFuture.supplyAsync(() ->
                patient.handle(new FetchUnattributedContact("call-1", AGENT, 1L)).orElseThrow());
        Thread.sleep(100);
        publish("call-1", attached("call-1", "cust-1"));

        assertThat(answer.get().status()).isEqualTo(UnattributedStatus.ATTACHED);
    }

    @Test
    void the_attachment_process_records_the_attached_contact_on_the_customers_record() throws Exception {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        List<Object> sent = new ArrayList<>();
        bus.subscribe(RecordContact.class.getName(), command -> {
            sent.add(command.getPayload());
            return null;
        });
        AnnotationEventHandlerAdapter process = new AnnotationEventHandlerAdapter(
                new AttachedContactRecorder(DefaultCommandGateway.builder().commandBus(bus).build()));

        process.handle(new GenericDomainEventMessage<>("UnattributedContact", UnattributedRecordIds.of("call-1"), 1,
                attached("call-1", "cust-1")));

        assertThat(sent).containsExactly(attached("call-1", "cust-1").recordContact());
        assertThat(AttachedContactRecorder.class.getMethod("on", UnattributedContactAttached.class)
                .isAnnotationPresent(DisallowReplay.class)).as("a replay sends no commands").isTrue();
        assertThat(process.supportsReset()).as("so the process refuses a replay").isFalse();
    }

    @Test
    void the_projection_and_the_process_have_processing_groups_of_their_own() {
        assertThat(UnattributedContactProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("unattributed-contacts");
        assertThat(AttachedContactRecorder.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("unattributed-attachments");
    }
}
