package uk.customerhub.projections.customerview;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.Channel;
import uk.customerhub.api.CustomerMergedInto;
import uk.customerhub.api.CustomerUnmergedFrom;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.CustomersMerged;
import uk.customerhub.api.CustomersUnmerged;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.FetchTimelinePage;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.Role;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.TimelineEntry;
import uk.customerhub.api.TimelinePage;
import uk.customerhub.api.Viewer;
import uk.customerhub.api.Visibility;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.customerhub.projections.customerview.Events.contact;
import static uk.customerhub.projections.customerview.Events.linked;
import static uk.customerhub.projections.customerview.Events.profile;
import static uk.customerhub.projections.customerview.Events.registered;
import static uk.customerhub.projections.customerview.Events.restrictedContact;

/**
 * A survivor's single view and timeline with a record merged into it, as each kind of viewer may see them: both
 * records' entries in the order they were recorded, numbered across both, restricted entries hidden as on one record.
 */
class MergedViewsTest extends SingleViewTestBase {
    static final String SURVIVOR = "cust-a";
    static final String RETIRED = "cust-b";
    static final String SUBJECT = "urn:fdc:gov.uk:2022:merged-resident";
    static final Viewer AGENT = Viewer.agent("agent-7");
    static final Viewer ADULTS = new Viewer(Role.SPECIALIST, "sasha", Set.of(Specialism.ADULTS_SAFEGUARDING), "council");
    static final Viewer RESIDENT = Viewer.resident(SUBJECT);

    @BeforeEach
    void twoRecordsMerged() {
        feed.publish(SURVIVOR, registered(SURVIVOR, profile("Ann", "Merged", "ann@example.org", "SO14 7LY")));
        feed.publish(RETIRED, registered(RETIRED, profile("A", "Merged", null, "SO14 7LY")));
        feed.publish(RETIRED, linked(RETIRED, IdentityKind.DIGITAL_ID, SUBJECT));
        feed.publish(SURVIVOR, contact(SURVIVOR, "c-1", Channel.PHONE, Visibility.RESIDENT_VISIBLE));
        feed.publish(RETIRED, contact(RETIRED, "c-2", Channel.WEB, Visibility.RESIDENT_VISIBLE));
        feed.publish(SURVIVOR, restrictedContact(SURVIVOR, "c-3", Channel.PHONE, Specialism.ADULTS_SAFEGUARDING));
        feed.publish(RETIRED, contact(RETIRED, "c-4", Channel.EMAIL, Visibility.STAFF_ONLY));
        feed.publish(RETIRED, new CustomerMergedInto(RETIRED, SURVIVOR));
        feed.publish(SURVIVOR, new CustomersMerged(SURVIVOR, RETIRED));
    }

    @Test
    void staff_see_both_records_in_the_order_recorded_without_what_is_restricted_from_them() {
        CustomerView view = view(AGENT);

        assertThat(view.mergedRecords()).containsExactly(RETIRED);
        assertThat(view.recentEntries()).extracting(TimelineEntry::contactId).containsExactly("c-4", "c-2", "c-1");
        assertThat(view.recentEntries()).extracting(TimelineEntry::number).containsExactly(3L, 2L, 1L);
        assertThat(view.recentEntries()).extracting(TimelineEntry::mergedFrom).containsExactly(RETIRED, RETIRED, null);
        assertThat(view.totalEntries()).isEqualTo(3);
        assertThat(view.contactsByChannel()).containsEntry(Channel.PHONE, 1L).containsEntry(Channel.WEB, 1L)
                .containsEntry(Channel.EMAIL, 1L);
        assertThat(view.identities()).extracting(identity -> identity.kind()).contains(IdentityKind.DIGITAL_ID);
        assertThat(view(ADULTS).recentEntries()).extracting(TimelineEntry::contactId)
                .containsExactly("c-4", "c-3", "c-2", "c-1");
    }

    @Test
    void the_merged_timeline_pages_newest_first_and_filters_across_both_records() {
        assertThat(page(AGENT, 0, 2, null).entries()).extracting(TimelineEntry::contactId).containsExactly("c-4", "c-2");
        assertThat(page(AGENT, 1, 2, null).entries()).extracting(TimelineEntry::contactId).containsExactly("c-1");
        assertThat(page(ADULTS, 1, 2, null).entries()).extracting(TimelineEntry::contactId).containsExactly("c-2", "c-1");
        TimelinePage phone = page(ADULTS, 0, 10, Channel.PHONE);
        assertThat(phone.entries()).extracting(TimelineEntry::contactId).containsExactly("c-3", "c-1");
        assertThat(phone.totalEntries()).isEqualTo(2);
        assertThat(page(AGENT, 0, 10, null).totalEntries()).isEqualTo(3);
    }

    @Test
    void the_resident_of_the_retired_record_sees_the_survivor_as_their_own_with_what_is_visible_to_them() {
        CustomerView mine = view(RESIDENT);

        assertThat(mine.customerId()).isEqualTo(SURVIVOR);
        assertThat(mine.recentEntries()).extracting(TimelineEntry::contactId).containsExactly("c-2", "c-1");
        assertThat(mine.totalEntries()).isEqualTo(2);
    }

    @Test
    void after_an_unmerge_each_record_is_its_own_again() {
        feed.publish(SURVIVOR, new CustomersUnmerged(SURVIVOR, RETIRED));
        feed.publish(RETIRED, new CustomerUnmergedFrom(RETIRED, SURVIVOR));

        assertThat(view(AGENT).recentEntries()).extracting(TimelineEntry::contactId).containsExactly("c-1");
        assertThat(view(AGENT).mergedRecords()).isEmpty();
        assertThat(queries.handle(new FetchCustomerView(SURVIVOR, RESIDENT, null))).isEmpty();
        assertThat(queries.handle(new FetchCustomerView(RETIRED, RESIDENT, null))).isPresent();
    }

    private CustomerView view(Viewer viewer) {
        return queries.handle(new FetchCustomerView(SURVIVOR, viewer, null)).orElseThrow();
    }

    private TimelinePage page(Viewer viewer, int page, int size, Channel channel) {
        return queries.handle(new FetchTimelinePage(SURVIVOR, viewer, page, size, null, channel, null)).orElseThrow();
    }
}
