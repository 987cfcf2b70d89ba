package uk.customerhub.projections.customerview;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.Channel;
import uk.customerhub.api.CustomerMatches;
import uk.customerhub.api.CustomerSummary;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.FetchTimelinePage;
import uk.customerhub.api.FindCustomersByIdentity;
import uk.customerhub.api.FindCustomersBySurnameAndPostcode;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.OpenServiceRequest;
import uk.customerhub.api.Role;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.TimelineEntry;
import uk.customerhub.api.TimelinePage;
import uk.customerhub.api.Viewer;
import uk.customerhub.api.Visibility;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.customerhub.projections.customerview.Events.contact;
import static uk.customerhub.projections.customerview.Events.linked;
import static uk.customerhub.projections.customerview.Events.profile;
import static uk.customerhub.projections.customerview.Events.registered;
import static uk.customerhub.projections.customerview.Events.restrictedContact;
import static uk.customerhub.projections.customerview.Events.serviceRequest;
import static uk.customerhub.projections.customerview.Events.serviceRequestContact;

/** A customer's entries of every visibility, and what residents, agents and specialists are shown of them. */
class WhoMaySeeWhatTest extends SingleViewTestBase {
    private static final String ANN_SUBJECT = "urn:fdc:gov.uk:2022:ann";
    private static final String BOB_SUBJECT = "urn:fdc:gov.uk:2022:bob";
    private static final Viewer ANN = Viewer.resident(ANN_SUBJECT);
    private static final Viewer BOB = Viewer.resident(BOB_SUBJECT);
    private static final Viewer AGENT = Viewer.agent("agent-7");
    private static final Viewer ADULTS_SPECIALIST = specialist(Specialism.ADULTS_SAFEGUARDING);
    private static final Viewer CHILDRENS_SPECIALIST = specialist(Specialism.CHILDRENS_SAFEGUARDING);

    @BeforeEach
    void givenAnnWithEntriesOfEveryVisibilityAndBobWithHisOwnRecord() {
        feed.publish("ann", registered("ann", profile("Ann", "Smith", "ann@example.org", "SO14 7LY")));
        feed.publish("ann", linked("ann", IdentityKind.DIGITAL_ID, ANN_SUBJECT));
        feed.publish("ann", linked("ann", IdentityKind.EMAIL, "ann@example.org"));
        feed.publish("ann", contact("ann", "k-1", Channel.WEB, Visibility.RESIDENT_VISIBLE));           // entry 1
        feed.publish("ann", contact("ann", "k-2", Channel.PHONE, Visibility.STAFF_ONLY));              // entry 2
        feed.publish("ann", restrictedContact("ann", "k-3", Channel.PHONE, Specialism.ADULTS_SAFEGUARDING)); // 3
        feed.publish("ann", contact("ann", "k-4", Channel.PHONE, Visibility.RESIDENT_VISIBLE));        // entry 4
        feed.publish("ann", serviceRequestContact("ann", "k-5", Channel.FACE_TO_FACE, Visibility.STAFF_ONLY)); // 5
        feed.publish("ann", serviceRequest("ann", "sr-staff", "k-5", Visibility.STAFF_ONLY));           // entry 6
        feed.publish("ann", serviceRequestContact("ann", "k-6", Channel.WEB, Visibility.RESIDENT_VISIBLE)); // 7
        feed.publish("ann", serviceRequest("ann", "sr-ann", "k-6", Visibility.RESIDENT_VISIBLE));       // entry 8

        feed.publish("bob", registered("bob", profile("Bob", "Brown", "bob@example.org", "SO15 2AB")));
        feed.publish("bob", linked("bob", IdentityKind.DIGITAL_ID, BOB_SUBJECT));
        feed.publish("bob", linked("bob", IdentityKind.EMAIL, "bob@example.org"));
    }

    @Test
    void residentSeesOnlyResidentVisibleEntriesNumberedWithoutGaps() {
        // when
        CustomerView view = queries.handle(new FetchCustomerView("ann", ANN, null)).orElseThrow();
        TimelinePage page = queries.handle(new FetchTimelinePage("ann", ANN, 0, 10, null)).orElseThrow();

        // then
        assertThat(view.recentEntries()).extracting(TimelineEntry::number).containsExactly(4L, 3L, 2L, 1L);
        assertThat(view.recentEntries()).extracting(TimelineEntry::contactId).containsExactly("k-6", "k-6", "k-4", "k-1");
        assertThat(view.recentEntries()).extracting(TimelineEntry::visibility).containsOnly(Visibility.RESIDENT_VISIBLE);
        assertThat(view.totalEntries()).isEqualTo(4);
        assertThat(view.contactsByChannel()).isEqualTo(Map.of(Channel.WEB, 2L, Channel.PHONE, 1L));
        assertThat(view.openServiceRequests()).extracting(OpenServiceRequest::serviceRequestId).containsExactly("sr-ann");
        assertThat(page.entries()).extracting(TimelineEntry::number).containsExactly(4L, 3L, 2L, 1L);
        assertThat(page.entries()).extracting(TimelineEntry::contactId).containsExactly("k-6", "k-6", "k-4", "k-1");
        assertThat(page.totalEntries()).isEqualTo(4);
    }

    @Test
    void residentCannotReachAnotherResidentsRecord() {
        // when / then: answered exactly as for a customer that does not exist
        assertThat(queries.handle(new FetchCustomerView("ann", BOB, null))).isEmpty();
        assertThat(queries.handle(new FetchTimelinePage("ann", BOB, 0, 10, null))).isEmpty();
        assertThat(find(new Identity(IdentityKind.EMAIL, "ann@example.org"), BOB)).isEmpty();
        assertThat(find(new Identity(IdentityKind.DIGITAL_ID, ANN_SUBJECT), BOB)).isEmpty();
        assertThat(queries.handle(new FindCustomersBySurnameAndPostcode("Smith", "SO14 7LY", BOB)).customers()).isEmpty();
    }

    @Test
    void residentWhoseSubjectIsLinkedToNoRecordSeesNothing() {
        Viewer stranger = Viewer.resident("urn:fdc:gov.uk:2022:stranger");
        assertThat(queries.handle(new FetchCustomerView("ann", stranger, null))).isEmpty();
        assertThat(queries.handle(new FetchCustomerView("bob", stranger, null))).isEmpty();
    }

    @Test
    void residentFindsOnlyTheirOwnRecord() {
        assertThat(queries.handle(new FetchCustomerView("bob", BOB, null))).isPresent();
        assertThat(find(new Identity(IdentityKind.EMAIL, "bob@example.org"), BOB))
                .extracting(CustomerSummary::customerId).containsExactly("bob");
        assertThat(queries.handle(new FindCustomersBySurnameAndPostcode("brown", "so152ab", BOB)).customers())
                .extracting(CustomerSummary::customerId).containsExactly("bob");
    }

    @Test
    void agentSeesStaffEntriesButNotRestrictedOnesNorTheirCount() {
        // when
        CustomerView view = queries.handle(new FetchCustomerView("ann", AGENT, null)).orElseThrow();
        TimelinePage page = queries.handle(new FetchTimelinePage("ann", AGENT, 0, 10, null)).orElseThrow();

        // then
        assertThat(view.recentEntries()).extracting(TimelineEntry::number).containsExactly(8L, 7L, 6L, 5L, 4L, 2L, 1L);
        assertThat(view.totalEntries()).isEqualTo(7);
        assertThat(view.contactsByChannel()).isEqualTo(Map.of(Channel.WEB, 2L, Channel.PHONE, 2L, Channel.FACE_TO_FACE, 1L));
        assertThat(view.openServiceRequests()).extracting(OpenServiceRequest::serviceRequestId)
                .containsExactly("sr-staff", "sr-ann");
        assertThat(page.entries()).extracting(TimelineEntry::contactId).doesNotContain("k-3");
        assertThat(page.entries()).extracting(TimelineEntry::number).containsExactly(8L, 7L, 6L, 5L, 4L, 2L, 1L);
        assertThat(page.totalEntries()).isEqualTo(7);
    }

    @Test
    void specialistSeesRestrictedEntriesOfTheirSpecialismOnly() {
        // when
        CustomerView adults = queries.handle(new FetchCustomerView("ann", ADULTS_SPECIALIST, null)).orElseThrow();
        CustomerView childrens = queries.handle(new FetchCustomerView("ann", CHILDRENS_SPECIALIST, null)).orElseThrow();
        TimelinePage adultsPage = queries.handle(new FetchTimelinePage("ann", ADULTS_SPECIALIST, 2, 2, null)).orElseThrow();
        TimelinePage childrensPage = queries.handle(new FetchTimelinePage("ann", CHILDRENS_SPECIALIST, 2, 2, null)).orElseThrow();

        // then
        assertThat(adults.recentEntries()).extracting(TimelineEntry::contactId).contains("k-3");
        assertThat(adults.totalEntries()).isEqualTo(8);
        assertThat(adults.contactsByChannel()).containsEntry(Channel.PHONE, 3L);
        assertThat(adultsPage.entries()).extracting(TimelineEntry::contactId).containsExactly("k-4", "k-3");
        assertThat(childrens.recentEntries()).extracting(TimelineEntry::contactId).doesNotContain("k-3");
        assertThat(childrens.totalEntries()).isEqualTo(7);
        assertThat(childrens.contactsByChannel()).containsEntry(Channel.PHONE, 2L);
        assertThat(childrensPage.entries()).extracting(TimelineEntry::contactId).containsExactly("k-4");
    }

    @Test
    void staffOfAnotherOrganisationSeeNothing() {
        Viewer partnerAgent = new Viewer(Role.AGENT, "partner-agent", Set.of(), "housing-association");
        assertThat(queries.handle(new FetchCustomerView("ann", partnerAgent, null))).isEmpty();
        assertThat(find(new Identity(IdentityKind.EMAIL, "ann@example.org"), partnerAgent)).isEmpty();
    }

    @Test
    void providersAndAnalystsSeeNoCustomerRecord() {
        for (Role role : new Role[]{Role.PROVIDER, Role.ANALYST}) {
            Viewer viewer = new Viewer(role, "client-1", Set.of(), null);
            assertThat(queries.handle(new FetchCustomerView("ann", viewer, null))).as(role.name()).isEmpty();
            assertThat(find(new Identity(IdentityKind.EMAIL, "ann@example.org"), viewer)).as(role.name()).isEmpty();
        }
    }

    @Test
    void channelSystemMayAttributeAContactByIdentityButNotReadTheRecord() {
        Viewer telephony = new Viewer(Role.CHANNEL, "telephony-platform", Set.of(), null);
        assertThat(find(new Identity(IdentityKind.EMAIL, "ann@example.org"), telephony))
                .extracting(CustomerSummary::customerId).containsExactly("ann");
        assertThat(queries.handle(new FetchCustomerView("ann", telephony, null))).isEmpty();
        assertThat(queries.handle(new FindCustomersBySurnameAndPostcode("Smith", "SO14 7LY", telephony)).customers()).isEmpty();
    }

    private static Viewer specialist(Specialism specialism) {
        return new Viewer(Role.SPECIALIST, "specialist-" + specialism, Set.of(specialism), null);
    }

    private List<CustomerSummary> find(Identity identity, Viewer viewer) {
        CustomerMatches matches = queries.handle(new FindCustomersByIdentity(identity, viewer));
        return matches.customers();
    }
}
