package uk.customerhub.projections.customerview;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.Channel;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.FetchTimelinePage;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.OpenServiceRequest;
import uk.customerhub.api.ServiceLocation;
import uk.customerhub.api.TimelineEntry;
import uk.customerhub.api.TimelineEntryKind;
import uk.customerhub.api.Viewer;
import uk.customerhub.api.Visibility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.customerhub.projections.customerview.EventFeed.FIRST_RECORDED_AT;
import static uk.customerhub.projections.customerview.Events.contact;
import static uk.customerhub.projections.customerview.Events.linked;
import static uk.customerhub.projections.customerview.Events.profile;
import static uk.customerhub.projections.customerview.Events.registered;
import static uk.customerhub.projections.customerview.Events.serviceRequest;
import static uk.customerhub.projections.customerview.Events.serviceRequestContact;

class CustomerViewTest extends SingleViewTestBase {
    private static final Viewer AGENT = Viewer.agent("agent-7");
    private static final CustomerProfile ANN = profile("Ann", "Smith", "ann@example.org", "SO14 7LY");

    @Test
    void singleViewHoldsProfileIdentitiesCountsRecentEntriesAndOpenRequests() {
        // given
        feed.publish("c-1", registered("c-1", ANN));
        feed.publish("c-1", linked("c-1", IdentityKind.DIGITAL_ID, "urn:fdc:gov.uk:2022:ann"));
        feed.publish("c-1", linked("c-1", IdentityKind.EMAIL, "ann@example.org"));
        feed.publish("c-1", contact("c-1", "k-1", Channel.PHONE, Visibility.RESIDENT_VISIBLE));
        feed.publish("c-1", contact("c-1", "k-2", Channel.WEB, Visibility.STAFF_ONLY));
        // when
        feed.publish("c-1", serviceRequestContact("c-1", "k-3", Channel.WEB, Visibility.RESIDENT_VISIBLE));
        feed.publish("c-1", serviceRequest("c-1", "sr-1", "k-3", Visibility.RESIDENT_VISIBLE));

        // then
        CustomerView view = queries.handle(new FetchCustomerView("c-1", AGENT, null)).orElseThrow();
        assertThat(view.customerId()).isEqualTo("c-1");
        assertThat(view.organisation()).isEqualTo("council");
        assertThat(view.category()).isEqualTo(CustomerCategory.RESIDENT);
        assertThat(view.profile()).isEqualTo(ANN);
        assertThat(view.identities()).containsExactly(
                new Identity(IdentityKind.DIGITAL_ID, "urn:fdc:gov.uk:2022:ann"),
                new Identity(IdentityKind.EMAIL, "ann@example.org"));
        assertThat(view.contactsByChannel()).isEqualTo(Map.of(Channel.PHONE, 1L, Channel.WEB, 2L));
        assertThat(view.totalEntries()).isEqualTo(4);
        assertThat(view.recentEntries()).extracting(TimelineEntry::number).containsExactly(4L, 3L, 2L, 1L);
        assertThat(view.recentEntries()).extracting(TimelineEntry::kind).containsExactly(
                TimelineEntryKind.SERVICE_REQUEST, TimelineEntryKind.CONTACT, TimelineEntryKind.CONTACT,
                TimelineEntryKind.CONTACT);
        assertThat(view.recentEntries()).extracting(TimelineEntry::position).containsExactly(6L, 5L, 4L, 3L);
        assertThat(view.registeredAt()).isEqualTo(FIRST_RECORDED_AT);
        assertThat(view.updatedAt()).isEqualTo(FIRST_RECORDED_AT.plus(Duration.ofMinutes(6)));
        assertThat(view.position()).isEqualTo(6);
        assertThat(view.openServiceRequests()).containsExactly(new OpenServiceRequest("sr-1", "k-3", "missed-bin",
                "open", "Overflowing bin", FIRST_RECORDED_AT.plus(Duration.ofMinutes(6)), Visibility.RESIDENT_VISIBLE, null));

        TimelineEntry request = view.recentEntries().get(0);
        assertThat(request.serviceRequestId()).isEqualTo("sr-1");
        assertThat(request.contactId()).isEqualTo("k-3");
        assertThat(request.serviceCode()).isEqualTo("missed-bin");
        assertThat(request.summary()).isEqualTo("Overflowing bin");
        assertThat(request.attributes()).isEqualTo(Map.of("bin.colour", "green"));
        assertThat(request.location()).isEqualTo(new ServiceLocation(50.9097, -1.4044, "Outside number 1", null, "SO14 7LY"));
        TimelineEntry firstContact = view.recentEntries().get(3);
        assertThat(firstContact.contactId()).isEqualTo("k-1");
        assertThat(firstContact.channel()).isEqualTo(Channel.PHONE);
        assertThat(firstContact.occurredAt()).isEqualTo(Events.OCCURRED_AT);
        assertThat(firstContact.recordedAt()).isEqualTo(FIRST_RECORDED_AT.plus(Duration.ofMinutes(3)));
        assertThat(firstContact.recordedBy().agentId()).isEqualTo("agent-7");
        assertThat(firstContact.summary()).isEqualTo("Enquiry k-1");
    }

    @Test
    void viewKeepsOnlyTheTenMostRecentEntriesWhileTheTimelineKeepsThemAll() {
        // given
        feed.publish("c-1", registered("c-1", ANN));
        // when
        IntStream.rangeClosed(1, 12).forEach(n ->
                feed.publish("c-1", contact("c-1", "k-" + n, Channel.EMAIL, Visibility.STAFF_ONLY)));

        // then
        CustomerView view = queries.handle(new FetchCustomerView("c-1", AGENT, null)).orElseThrow();
        assertThat(view.recentEntries()).extracting(TimelineEntry::contactId)
                .containsExactly("k-12", "k-11", "k-10", "k-9", "k-8", "k-7", "k-6", "k-5", "k-4", "k-3");
        assertThat(view.totalEntries()).isEqualTo(12);
        assertThat(view.contactsByChannel()).isEqualTo(Map.of(Channel.EMAIL, 12L));
        assertThat(database.getCollection("timeline_entries").countDocuments()).isEqualTo(12);
        Document newest = database.getCollection("timeline_entries").find(Filters.eq("_id", "c-1/12")).first();
        assertThat(newest.getString("contactId")).isEqualTo("k-12");
    }

    @Test
    void storedViewHoldsNoCopiesOfEntriesSoEveryEventRewritesASmallDocument() {
        // given: a view stored as before, with copies of its recent entries (summaries and all) in the document
        feed.publish("c-1", registered("c-1", ANN));
        feed.publish("c-1", contact("c-1", "k-1", Channel.PHONE, Visibility.RESIDENT_VISIBLE));
        MongoCollection<Document> views = database.getCollection(CustomerViewStore.VIEWS);
        Document entry = database.getCollection("timeline_entries").find(Filters.eq("_id", "c-1/1")).first();
        views.updateOne(Filters.eq("_id", "c-1"), new Document("$set", new Document("recentEntries", List.of(entry))
                .append("recentResidentEntries", List.of(entry))));
        int sizeWithCopies = views.find(Filters.eq("_id", "c-1")).first().toJson().length();

        // when
        feed.publish("c-1", contact("c-1", "k-2", Channel.PHONE, Visibility.RESIDENT_VISIBLE));

        // then: the view dropped the copies, and still shows the newest entries, read from the timeline
        Document stored = views.find(Filters.eq("_id", "c-1")).first();
        assertThat(stored).doesNotContainKeys("recentEntries", "recentResidentEntries");
        assertThat(stored.toJson()).doesNotContain("Enquiry k-");
        assertThat(stored.toJson().length()).isLessThan(sizeWithCopies);
        CustomerView view = queries.handle(new FetchCustomerView("c-1", AGENT, null)).orElseThrow();
        assertThat(view.recentEntries()).extracting(TimelineEntry::contactId).containsExactly("k-2", "k-1");
    }

    @Test
    void deliveringEveryEventAgainChangesNothing() {
        // given
        List<DomainEventMessage<?>> delivered = new ArrayList<>();
        delivered.add(feed.publish("c-1", registered("c-1", ANN)));
        delivered.add(feed.publish("c-1", linked("c-1", IdentityKind.EMAIL, "ann@example.org")));
        delivered.add(feed.publish("c-1", Events.profileUpdated("c-1", profile("Ann", "Jones", "ann@example.org", "SO15 2AB"))));
        delivered.add(feed.publish("c-1", serviceRequestContact("c-1", "k-1", Channel.WEB, Visibility.RESIDENT_VISIBLE)));
        delivered.add(feed.publish("c-1", serviceRequest("c-1", "sr-1", "k-1", Visibility.RESIDENT_VISIBLE)));
        delivered.add(feed.publish("c-1", contact("c-1", "k-2", Channel.PHONE, Visibility.RESIDENT_VISIBLE)));
        Map<String, List<Document>> before = everythingStored();

        // when
        delivered.forEach(feed::deliver);

        // then
        assertThat(everythingStored()).isEqualTo(before);
        assertThat(queries.handle(new FetchCustomerView("c-1", AGENT, null)).orElseThrow().totalEntries()).isEqualTo(3);
    }

    @Test
    void redeliveryAfterAStopBetweenEntryAndViewWritesRewritesTheSameEntryNumber() {
        // given the entry of k-1 was written but the process stopped before the view was
        feed.publish("c-1", registered("c-1", ANN));
        MongoCollection<Document> views = database.getCollection(CustomerViewStore.VIEWS);
        Document viewBeforeK1 = views.find(Filters.eq("_id", "c-1")).first();
        DomainEventMessage<?> k1 = feed.publish("c-1", contact("c-1", "k-1", Channel.PHONE, Visibility.RESIDENT_VISIBLE));
        views.replaceOne(Filters.eq("_id", "c-1"), viewBeforeK1);

        // when
        feed.deliver(k1);
        feed.publish("c-1", contact("c-1", "k-2", Channel.PHONE, Visibility.RESIDENT_VISIBLE));

        // then
        TimelineEntry[] entries = queries.handle(new FetchTimelinePage("c-1", AGENT, 0, 10, null)).orElseThrow()
                .entries().toArray(TimelineEntry[]::new);
        assertThat(entries).extracting(TimelineEntry::number).containsExactly(2L, 1L);
        assertThat(entries).extracting(TimelineEntry::contactId).containsExactly("k-2", "k-1");
        assertThat(database.getCollection("timeline_entries").countDocuments()).isEqualTo(2);
        assertThat(database.getCollection("resident_timeline_entries").countDocuments()).isEqualTo(2);
    }

    @Test
    void unknownCustomerHasNoView() {
        // given
        feed.publish("c-1", registered("c-1", ANN));
        // when / then
        assertThat(queries.handle(new FetchCustomerView("c-2", AGENT, null))).isEmpty();
        assertThat(queries.handle(new FetchTimelinePage("c-2", AGENT, 0, 10, null))).isEmpty();
    }

    private Map<String, List<Document>> everythingStored() {
        return Map.of(
                "views", database.getCollection("customer_views").find().into(new ArrayList<>()),
                "entries", database.getCollection("timeline_entries").find().into(new ArrayList<>()),
                "residentEntries", database.getCollection("resident_timeline_entries").find().into(new ArrayList<>()),
                "lookups", database.getCollection("customer_lookups").find().into(new ArrayList<>()));
    }
}
