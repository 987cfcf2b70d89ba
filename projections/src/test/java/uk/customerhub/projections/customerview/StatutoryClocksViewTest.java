package uk.customerhub.projections.customerview;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ComplaintEscalated;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.Direction;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.Role;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.StatutoryClockKind;
import uk.customerhub.api.StatutoryClockOverdue;
import uk.customerhub.api.StatutoryClockStarted;
import uk.customerhub.api.StatutoryClockStatus;
import uk.customerhub.api.StatutoryClockStopReason;
import uk.customerhub.api.StatutoryClockStopped;
import uk.customerhub.api.StatutoryClockView;
import uk.customerhub.api.Viewer;
import uk.customerhub.api.Visibility;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.customerhub.projections.customerview.Events.linked;
import static uk.customerhub.projections.customerview.Events.profile;
import static uk.customerhub.projections.customerview.Events.registered;

/** The single view shows what is due and what is overdue: each running statutory clock, as each viewer may see it. */
class StatutoryClocksViewTest extends SingleViewTestBase {
    private static final String ANN_SUBJECT = "urn:fdc:gov.uk:2022:ann";
    private static final Viewer ANN = Viewer.resident(ANN_SUBJECT);
    private static final Viewer AGENT = Viewer.agent("agent-7");
    private static final Viewer ADULTS_SPECIALIST =
            new Viewer(Role.SPECIALIST, "specialist-1", Set.of(Specialism.ADULTS_SAFEGUARDING), null);
    static final Instant CHRISTMAS_EVE = Instant.parse("2026-12-24T10:00:00Z");

    @BeforeEach
    void givenAnn() {
        feed.publish("ann", registered("ann", profile("Ann", "Smith", "ann@example.org", "SO14 7LY")));
        feed.publish("ann", linked("ann", IdentityKind.DIGITAL_ID, ANN_SUBJECT));
    }

    static ContactRecorded request(String contactId, ContactType type, Visibility visibility, Specialism specialism) {
        return new ContactRecorded("ann", contactId, Channel.EMAIL, type, Direction.INBOUND, CHRISTMAS_EVE,
                RecordedBy.assisted("agent-7", null), null, visibility, specialism, new ContactNarrative("Request " + contactId));
    }

    static StatutoryClockStarted started(String contactId, StatutoryClockKind kind, Integer stage, LocalDate due,
                                         Visibility visibility, Specialism specialism) {
        String clockId = stage == null ? contactId : contactId + ":stage-" + stage;
        return new StatutoryClockStarted("ann", clockId, contactId, kind, stage, CHRISTMAS_EVE, due,
                due.plusDays(1).atStartOfDay(ZoneId.of("Europe/London")).toInstant(), visibility, specialism);
    }

    /** Records a request and starts its clock, as the customer record does in one command. */
    private void receive(String contactId, ContactType type, StatutoryClockKind kind, Integer stage, LocalDate due,
                         Visibility visibility, Specialism specialism) {
        feed.publish("ann", request(contactId, type, visibility, specialism));
        feed.publish("ann", started(contactId, kind, stage, due, visibility, specialism));
    }

    private void receive(String contactId, ContactType type, StatutoryClockKind kind, Integer stage, LocalDate due) {
        receive(contactId, type, kind, stage, due, Visibility.RESIDENT_VISIBLE, null);
    }

    private CustomerView viewSeenBy(Viewer viewer) {
        return queries.handle(new FetchCustomerView("ann", viewer, null)).orElseThrow();
    }

    @Test
    void shows_each_running_clock_with_its_due_date_the_soonest_first() {
        receive("foi-1", ContactType.FOI_REQUEST, StatutoryClockKind.FOI_REQUEST, null, LocalDate.of(2027, 1, 26));
        receive("sar-1", ContactType.SUBJECT_ACCESS_REQUEST, StatutoryClockKind.SUBJECT_ACCESS_REQUEST, null,
                LocalDate.of(2027, 1, 25));
        receive("cmp-1", ContactType.COMPLAINT, StatutoryClockKind.COMPLAINT, 1, LocalDate.of(2027, 1, 12));

        CustomerView view = viewSeenBy(AGENT);

        assertThat(view.statutoryClocks()).containsExactly(
                new StatutoryClockView("cmp-1:stage-1", "cmp-1", StatutoryClockKind.COMPLAINT, 1, CHRISTMAS_EVE,
                        LocalDate.of(2027, 1, 12), StatutoryClockStatus.OPEN, null, null, Visibility.RESIDENT_VISIBLE, null),
                new StatutoryClockView("sar-1", "sar-1", StatutoryClockKind.SUBJECT_ACCESS_REQUEST, null, CHRISTMAS_EVE,
                        LocalDate.of(2027, 1, 25), StatutoryClockStatus.OPEN, null, null, Visibility.RESIDENT_VISIBLE, null),
                new StatutoryClockView("foi-1", "foi-1", StatutoryClockKind.FOI_REQUEST, null, CHRISTMAS_EVE,
                        LocalDate.of(2027, 1, 26), StatutoryClockStatus.OPEN, null, null, Visibility.RESIDENT_VISIBLE, null));
        assertThat(view.position()).isEqualTo(7);
    }

    @Test
    void an_overdue_clock_shows_as_overdue_before_the_open_ones() {
        receive("foi-1", ContactType.FOI_REQUEST, StatutoryClockKind.FOI_REQUEST, null, LocalDate.of(2027, 1, 26));
        receive("foi-2", ContactType.FOI_REQUEST, StatutoryClockKind.FOI_REQUEST, null, LocalDate.of(2027, 2, 26));
        receive("sar-1", ContactType.SUBJECT_ACCESS_REQUEST, StatutoryClockKind.SUBJECT_ACCESS_REQUEST, null,
                LocalDate.of(2027, 3, 1));

        feed.publish("ann", new StatutoryClockOverdue("ann", "sar-1", "sar-1", StatutoryClockKind.SUBJECT_ACCESS_REQUEST,
                null, LocalDate.of(2027, 3, 1), Instant.parse("2027-03-02T00:00:00Z")));

        assertThat(viewSeenBy(AGENT).statutoryClocks())
                .extracting(StatutoryClockView::clockId, StatutoryClockView::status)
                .containsExactly(
                        tuple("sar-1", StatutoryClockStatus.OVERDUE),
                        tuple("foi-1", StatutoryClockStatus.OPEN),
                        tuple("foi-2", StatutoryClockStatus.OPEN));
    }

    @Test
    void an_escalated_complaint_shows_stage_2_running_and_stage_1_stopped() {
        receive("cmp-1", ContactType.COMPLAINT, StatutoryClockKind.COMPLAINT, 1, LocalDate.of(2027, 1, 12));
        Instant escalatedAt = Instant.parse("2027-01-04T09:00:00Z");

        feed.publish("ann", new ComplaintEscalated("ann", "cmp-1", 2, escalatedAt));
        feed.publish("ann", new StatutoryClockStopped("ann", "cmp-1:stage-1", "cmp-1", StatutoryClockKind.COMPLAINT, 1,
                StatutoryClockStopReason.ESCALATED, escalatedAt, true));
        DomainEventMessage<?> last = feed.publish("ann", started("cmp-1", StatutoryClockKind.COMPLAINT, 2,
                LocalDate.of(2027, 2, 1), Visibility.RESIDENT_VISIBLE, null));

        CustomerView view = viewSeenBy(AGENT);
        assertThat(view.statutoryClocks()).extracting(StatutoryClockView::clockId, StatutoryClockView::stage,
                        StatutoryClockView::status, StatutoryClockView::dueDate, StatutoryClockView::stopReason)
                .containsExactly(
                        tuple("cmp-1:stage-2", 2, StatutoryClockStatus.OPEN,
                                LocalDate.of(2027, 2, 1), null),
                        tuple("cmp-1:stage-1", 1, StatutoryClockStatus.STOPPED,
                                LocalDate.of(2027, 1, 12), StatutoryClockStopReason.ESCALATED));
        assertThat(view.position()).isEqualTo(last.getSequenceNumber());
    }

    @Test
    void the_view_moves_to_the_position_of_an_escalation() {
        receive("cmp-1", ContactType.COMPLAINT, StatutoryClockKind.COMPLAINT, 1, LocalDate.of(2027, 1, 12));

        DomainEventMessage<?> escalated = feed.publish("ann",
                new ComplaintEscalated("ann", "cmp-1", 2, Instant.parse("2027-01-04T09:00:00Z")));

        assertThat(viewSeenBy(AGENT).position()).isEqualTo(escalated.getSequenceNumber());
    }

    @Test
    void a_response_stops_the_clock_and_an_overdue_notice_after_it_changes_nothing() {
        receive("foi-1", ContactType.FOI_REQUEST, StatutoryClockKind.FOI_REQUEST, null, LocalDate.of(2027, 1, 26));
        Instant respondedAt = Instant.parse("2027-01-20T15:00:00Z");

        feed.publish("ann", new StatutoryClockStopped("ann", "foi-1", "foi-1", StatutoryClockKind.FOI_REQUEST, null,
                StatutoryClockStopReason.RESPONDED, respondedAt, true));
        feed.publish("ann", new StatutoryClockOverdue("ann", "foi-1", "foi-1", StatutoryClockKind.FOI_REQUEST, null,
                LocalDate.of(2027, 1, 26), Instant.parse("2027-01-27T00:00:00Z")));

        assertThat(viewSeenBy(AGENT).statutoryClocks()).containsExactly(new StatutoryClockView("foi-1", "foi-1",
                StatutoryClockKind.FOI_REQUEST, null, CHRISTMAS_EVE, LocalDate.of(2027, 1, 26),
                StatutoryClockStatus.STOPPED, respondedAt, StatutoryClockStopReason.RESPONDED, Visibility.RESIDENT_VISIBLE, null));
    }

    @Test
    void only_the_five_most_recently_stopped_clocks_stay_on_the_view_while_running_ones_all_do() {
        IntStream.rangeClosed(1, 8).forEach(n -> receive("foi-" + n, ContactType.FOI_REQUEST,
                StatutoryClockKind.FOI_REQUEST, null, LocalDate.of(2027, 1, 26)));
        receive("sar-1", ContactType.SUBJECT_ACCESS_REQUEST, StatutoryClockKind.SUBJECT_ACCESS_REQUEST, null,
                LocalDate.of(2027, 1, 25));

        IntStream.rangeClosed(1, 7).forEach(n -> feed.publish("ann", new StatutoryClockStopped("ann", "foi-" + n,
                "foi-" + n, StatutoryClockKind.FOI_REQUEST, null, StatutoryClockStopReason.RESPONDED,
                Instant.parse("2027-01-1" + n + "T12:00:00Z"), true)));

        assertThat(viewSeenBy(AGENT).statutoryClocks()).extracting(StatutoryClockView::clockId)
                .containsExactly("sar-1", "foi-8", "foi-7", "foi-6", "foi-5", "foi-4", "foi-3");
        Document stored = database.getCollection(CustomerViewStore.VIEWS).find(Filters.eq("_id", "ann")).first();
        assertThat(stored.getList("statutoryClocks", Document.class)).hasSize(7);
    }

    @Test
    void a_resident_sees_the_due_dates_of_their_resident_visible_clocks_only() {
        receive("foi-1", ContactType.FOI_REQUEST, StatutoryClockKind.FOI_REQUEST, null, LocalDate.of(2027, 1, 26));
        receive("cmp-staff", ContactType.COMPLAINT, StatutoryClockKind.COMPLAINT, 1, LocalDate.of(2027, 1, 12),
                Visibility.STAFF_ONLY, null);
        receive("cmp-restricted", ContactType.COMPLAINT, StatutoryClockKind.COMPLAINT, 1, LocalDate.of(2027, 1, 12),
                Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING);

        assertThat(viewSeenBy(ANN).statutoryClocks()).extracting(StatutoryClockView::clockId, StatutoryClockView::dueDate)
                .containsExactly(tuple("foi-1", LocalDate.of(2027, 1, 26)));
        assertThat(viewSeenBy(AGENT).statutoryClocks()).extracting(StatutoryClockView::clockId)
                .containsExactly("cmp-staff:stage-1", "foi-1");
        assertThat(viewSeenBy(ADULTS_SPECIALIST).statutoryClocks()).extracting(StatutoryClockView::clockId)
                .containsExactly("cmp-restricted:stage-1", "cmp-staff:stage-1", "foi-1");
    }

    @Test
    void delivering_every_clock_event_again_changes_nothing() {
        List<DomainEventMessage<?>> delivered = new ArrayList<>();
        delivered.add(feed.publish("ann", request("foi-1", ContactType.FOI_REQUEST, Visibility.RESIDENT_VISIBLE, null)));
        delivered.add(feed.publish("ann", started("foi-1", StatutoryClockKind.FOI_REQUEST, null, LocalDate.of(2027, 1, 26),
                Visibility.RESIDENT_VISIBLE, null)));
        delivered.add(feed.publish("ann", new StatutoryClockOverdue("ann", "foi-1", "foi-1", StatutoryClockKind.FOI_REQUEST,
                null, LocalDate.of(2027, 1, 26), Instant.parse("2027-01-27T00:00:00Z"))));
        delivered.add(feed.publish("ann", new StatutoryClockStopped("ann", "foi-1", "foi-1", StatutoryClockKind.FOI_REQUEST,
                null, StatutoryClockStopReason.RESPONDED, Instant.parse("2027-01-28T10:00:00Z"), false)));
        Document before = database.getCollection(CustomerViewStore.VIEWS).find(Filters.eq("_id", "ann")).first();

        delivered.forEach(feed::deliver);

        assertThat(database.getCollection(CustomerViewStore.VIEWS).find(Filters.eq("_id", "ann")).first()).isEqualTo(before);
        assertThat(viewSeenBy(AGENT).statutoryClocks()).extracting(StatutoryClockView::status)
                .containsExactly(StatutoryClockStatus.STOPPED);
    }

    @Test
    void a_view_stored_before_clocks_existed_shows_none_and_takes_new_ones() {
        database.getCollection(CustomerViewStore.VIEWS).updateOne(Filters.eq("_id", "ann"), Updates.unset("statutoryClocks"));
        assertThat(viewSeenBy(AGENT).statutoryClocks()).isEmpty();

        receive("foi-1", ContactType.FOI_REQUEST, StatutoryClockKind.FOI_REQUEST, null, LocalDate.of(2027, 1, 26));

        assertThat(viewSeenBy(AGENT).statutoryClocks()).extracting(StatutoryClockView::clockId).containsExactly("foi-1");
    }
}
