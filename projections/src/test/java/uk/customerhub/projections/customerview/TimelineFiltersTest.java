package uk.customerhub.projections.customerview;

import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.Direction;
import uk.customerhub.api.FetchTimelinePage;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.Role;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.TimelineEntry;
import uk.customerhub.api.TimelinePage;
import uk.customerhub.api.Viewer;
import uk.customerhub.api.Visibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.customerhub.projections.customerview.Events.OCCURRED_AT;
import static uk.customerhub.projections.customerview.Events.profile;
import static uk.customerhub.projections.customerview.Events.registered;
import static uk.customerhub.projections.customerview.Events.serviceRequest;

class TimelineFiltersTest extends SingleViewTestBase {
    private static final Viewer AGENT = Viewer.agent("agent-7");
    private final List<DomainEventMessage<?>> published = new ArrayList<>();

    @BeforeEach
    void givenMixedContacts() {
        published.add(feed.publish("c-1", registered("c-1", profile("Ann", "Smith", null, "SO14 7LY"))));
        record("k-1", Channel.PHONE, ContactType.COMPLAINT, Visibility.RESIDENT_VISIBLE, null);
        record("k-2", Channel.WEB, ContactType.ENQUIRY, Visibility.RESIDENT_VISIBLE, null);
        record("k-3", Channel.PHONE, ContactType.ENQUIRY, Visibility.STAFF_ONLY, null);
        published.add(feed.publish("c-1", serviceRequest("c-1", "sr-1", "k-3", Visibility.STAFF_ONLY)));
        record("k-4", Channel.PHONE, ContactType.COMPLAINT, Visibility.STAFF_ONLY, null);
        record("k-5", Channel.PHONE, ContactType.COMPLAINT, Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING);
        record("k-6", Channel.EMAIL, ContactType.COMPLAINT, Visibility.RESIDENT_VISIBLE, null);
        record("k-7", Channel.PHONE, ContactType.COMPLAINT, Visibility.RESIDENT_VISIBLE, null);
    }

    @Test
    void channelFilterPagesNewestFirst() {
        // when
        TimelinePage first = page(AGENT, 0, 2, Channel.PHONE, null);
        TimelinePage second = page(AGENT, 1, 2, Channel.PHONE, null);
        TimelinePage third = page(AGENT, 2, 2, Channel.PHONE, null);

        // then: k-5 is restricted to adults' safeguarding, so left out of its page and of the count
        assertThat(first.entries()).extracting(TimelineEntry::contactId).containsExactly("k-7");
        assertThat(second.entries()).extracting(TimelineEntry::contactId).containsExactly("k-4", "k-3");
        assertThat(third.entries()).extracting(TimelineEntry::contactId).containsExactly("k-1");
        assertThat(first.totalEntries()).isEqualTo(4);
        assertThat(page(AGENT, 3, 2, Channel.PHONE, null).entries()).isEmpty();
    }

    @Test
    void typeAndBothFiltersAndSpecialistsSeeTheirRestrictedEntries() {
        // given
        Viewer specialist = new Viewer(Role.SPECIALIST, "sw-1", Set.of(Specialism.ADULTS_SAFEGUARDING), null);

        // when
        TimelinePage complaints = page(AGENT, 0, 10, null, ContactType.COMPLAINT);
        TimelinePage phoneComplaints = page(specialist, 0, 10, Channel.PHONE, ContactType.COMPLAINT);

        // then
        assertThat(complaints.entries()).extracting(TimelineEntry::contactId).containsExactly("k-7", "k-6", "k-4", "k-1");
        assertThat(complaints.totalEntries()).isEqualTo(4);
        assertThat(phoneComplaints.entries()).extracting(TimelineEntry::contactId).containsExactly("k-7", "k-5", "k-4", "k-1");
        assertThat(phoneComplaints.entries()).extracting(TimelineEntry::number).containsExactly(8L, 6L, 5L, 1L);
        assertThat(phoneComplaints.totalEntries()).isEqualTo(4);
        assertThat(page(AGENT, 0, 10, Channel.LETTER, null).entries()).isEmpty();
    }

    @Test
    void residentFiltersTheirOwnVisibleEntriesWithoutGaps() {
        // given
        Viewer ann = Viewer.resident("urn:fdc:gov.uk:2022:ann");
        feed.publish("c-1", Events.linked("c-1", uk.customerhub.api.IdentityKind.DIGITAL_ID, "urn:fdc:gov.uk:2022:ann"));

        // when
        TimelinePage first = page(ann, 0, 1, Channel.PHONE, ContactType.COMPLAINT);
        TimelinePage second = page(ann, 1, 1, Channel.PHONE, ContactType.COMPLAINT);

        // then
        assertThat(first.entries()).extracting(TimelineEntry::contactId).containsExactly("k-7");
        assertThat(second.entries()).extracting(TimelineEntry::contactId).containsExactly("k-1");
        assertThat(first.totalEntries()).isEqualTo(2);
    }

    @Test
    void redeliveryChangesNothing() {
        // given
        TimelinePage before = page(AGENT, 0, 10, Channel.PHONE, null);
        long documents = database.getCollection(TimelineFilters.COLLECTION).countDocuments();

        // when
        published.forEach(feed::deliver);

        // then
        assertThat(page(AGENT, 0, 10, Channel.PHONE, null)).isEqualTo(before);
        assertThat(database.getCollection(TimelineFilters.COLLECTION).countDocuments()).isEqualTo(documents);
        assertThat(documents).isEqualTo(3 * 7 + 3 * 4);
    }

    @Test
    void redeliveryAfterAnInterruptedDeliveryWritesTheSameNumbers() {
        // given: the filter documents of k-8 were written, but the process stopped before its view was stored
        Document viewBefore = database.getCollection(CustomerViewStore.VIEWS).find(new Document("_id", "c-1")).first();
        record("k-8", Channel.PHONE, ContactType.COMPLAINT, Visibility.RESIDENT_VISIBLE, null);
        TimelinePage after = page(AGENT, 0, 10, Channel.PHONE, ContactType.COMPLAINT);
        long documents = database.getCollection(TimelineFilters.COLLECTION).countDocuments();
        database.getCollection(CustomerViewStore.VIEWS).replaceOne(new Document("_id", "c-1"), viewBefore);

        // when
        feed.deliver(published.get(published.size() - 1));

        // then
        assertThat(page(AGENT, 0, 10, Channel.PHONE, ContactType.COMPLAINT)).isEqualTo(after);
        assertThat(after.entries()).extracting(TimelineEntry::contactId).containsExactly("k-8", "k-7", "k-4", "k-1");
        assertThat(database.getCollection(TimelineFilters.COLLECTION).countDocuments()).isEqualTo(documents);
    }

    private void record(String contactId, Channel channel, ContactType type, Visibility visibility, Specialism specialism) {
        published.add(feed.publish("c-1", new ContactRecorded("c-1", contactId, channel, type, Direction.INBOUND,
                OCCURRED_AT, RecordedBy.assisted("agent-7", null), Outcome.RESOLVED_FIRST_CONTACT, visibility,
                specialism, new ContactNarrative("Contact " + contactId))));
    }

    private TimelinePage page(Viewer viewer, int page, int size, Channel channel, ContactType type) {
        return queries.handle(new FetchTimelinePage("c-1", viewer, page, size, null, channel, type)).orElseThrow();
    }
}
