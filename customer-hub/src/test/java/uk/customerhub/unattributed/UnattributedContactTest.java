package uk.customerhub.unattributed;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.AttachUnattributedContact;
import uk.customerhub.api.Channel;
import uk.customerhub.api.CloseUnattributedContact;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.Direction;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.RecordUnattributedContact;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.RecorderKind;
import uk.customerhub.api.SenderDetails;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.TriageQueue;
import uk.customerhub.api.UnattributedContactAttached;
import uk.customerhub.api.UnattributedContactClosed;
import uk.customerhub.api.UnattributedContactDetails;
import uk.customerhub.api.UnattributedContactRecorded;
import uk.customerhub.api.UnattributedRecordIds;
import uk.customerhub.api.Visibility;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of an unattributed contact, given/when/then: recorded once, then attached to one customer or closed. */
class UnattributedContactTest {

    static final String CONTACT = "call-0001";
    static final Instant AT = Instant.parse("2025-03-04T10:15:30Z");
    static final RecordedBy TELEPHONY = new RecordedBy(RecorderKind.SYSTEM, null, null);
    static final UnattributedContactDetails CALLER = new UnattributedContactDetails(
            SenderDetails.of(new Identity(IdentityKind.PHONE, "023 8083 3000")),
            new ContactNarrative("Call via IVR: Council tax > Balance; self-served"));

    private AggregateTestFixture<UnattributedContact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UnattributedContact.class);
    }

    static RecordUnattributedContact record(String contactId, Channel channel, List<String> candidates) {
        return new RecordUnattributedContact(contactId, channel, ContactType.ENQUIRY, Direction.INBOUND, AT, TELEPHONY,
                Outcome.RESOLVED_FIRST_CONTACT, Visibility.RESIDENT_VISIBLE, null, candidates, "demo-telephony", CALLER);
    }

    static RecordUnattributedContact record() {
        return record(CONTACT, Channel.IVR, List.of("cust-2", "cust-1"));
    }

    static UnattributedContactRecorded recorded(RecordUnattributedContact c, Instant occurredAt) {
        return new UnattributedContactRecorded(c.contactId(), TriageQueue.forChannel(c.channel()), c.channel(), c.type(),
                c.direction(), occurredAt, c.recordedBy(), c.outcome(), c.visibility(), c.specialism(),
                c.candidateCustomerIds(), c.sourceSystem(), c.personal());
    }

    static UnattributedContactAttached attachedTo(String customerId, String agent) {
        RecordUnattributedContact c = record();
        return new UnattributedContactAttached(CONTACT, customerId, agent, c.channel(), c.type(), c.direction(), AT,
                c.recordedBy(), c.outcome(), c.visibility(), c.specialism(), c.personal().narrative());
    }

    static RecordContact onCustomersRecord(String customerId) {
        return new RecordContact(customerId, CONTACT, Channel.IVR, ContactType.ENQUIRY, Direction.INBOUND, AT,
                TELEPHONY, Outcome.RESOLVED_FIRST_CONTACT, Visibility.RESIDENT_VISIBLE, null, CALLER.narrative());
    }

    @Nested
    class RecordUnattributedContactCommand {

        @Test
        void keeps_the_contact_with_its_candidates_in_the_unattributed_queue() {
            fixture.givenNoPriorActivity()
                    .when(record())
                    .expectEvents(recorded(record(), AT))
                    .expectResultMessagePayload(new Receipt(null, CONTACT, null, 0));
        }

        @Test
        void candidates_are_kept_sorted_and_once() {
            assertThat(record(CONTACT, Channel.PHONE, List.of("cust-2", "cust-1", "cust-2")).candidateCustomerIds())
                    .containsExactly("cust-1", "cust-2");
        }

        @Test
        void records_its_fingerprint_in_the_metadata() {
            fixture.givenNoPriorActivity()
                    .when(record())
                    .expectEvents(GenericEventMessage.asEventMessage(recorded(record(), AT))
                            .andMetaData(MetaData.with("contactFingerprint", UnattributedContact.fingerprintOf(record()))));
        }

        @Test
        void the_same_contact_delivered_by_another_source_system_is_the_same_contact() {
            RecordUnattributedContact c = record();
            RecordUnattributedContact fromAnotherFeed = new RecordUnattributedContact(c.contactId(), c.channel(), c.type(),
                    c.direction(), c.occurredAt(), c.recordedBy(), c.outcome(), c.visibility(), c.specialism(),
                    c.candidateCustomerIds(), "another-feed", c.personal());

            fixture.givenCommands(c)
                    .when(fromAnotherFeed)
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(null, CONTACT, null, 0));
        }

        @Test
        void lives_in_a_record_of_its_own_that_no_customer_id_can_name() {
            assertThat(record().recordId()).isEqualTo("unattributed/" + CONTACT);
            assertThat(UnattributedRecordIds.of(CONTACT)).contains("/");
        }

        @Test
        void a_social_post_waits_in_the_social_triage_queue() {
            RecordUnattributedContact post = new RecordUnattributedContact("social-1", Channel.SOCIAL,
                    ContactType.SOCIAL_MENTION, null, AT, TELEPHONY, null, Visibility.STAFF_ONLY, null, null,
                    "demo-social-listening", new UnattributedContactDetails(
                    SenderDetails.of(new Identity(IdentityKind.SOCIAL_HANDLE, "x:@someone")),
                    new ContactNarrative("Bins not emptied on Elm Road again")));

            fixture.givenNoPriorActivity()
                    .when(post)
                    .expectEvents(new UnattributedContactRecorded("social-1", TriageQueue.SOCIAL_TRIAGE, Channel.SOCIAL,
                            ContactType.SOCIAL_MENTION, Direction.INBOUND, AT, TELEPHONY, null, Visibility.STAFF_ONLY,
                            null, List.of(), "demo-social-listening", post.personal()));
        }

        @Test
        void a_contact_reported_without_its_time_happened_when_it_was_recorded() {
            Instant now = Instant.parse("2025-06-01T08:00:00Z");
            RecordUnattributedContact withoutTime = withoutTime(record());

            fixture.givenNoPriorActivity()
                    .andGivenCurrentTime(now)
                    .when(withoutTime)
                    .expectEvents(recorded(withoutTime, now));
        }

        @Test
        void the_same_contact_again_is_a_no_op_that_answers_the_first_receipt() {
            fixture.givenCommands(record())
                    .when(record())
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(null, CONTACT, null, 0));
        }

        @Test
        void a_retry_without_its_time_is_the_same_contact_even_later() {
            fixture.givenCommands(withoutTime(record()))
                    .andGivenCurrentTime(AT.plusSeconds(3_600))
                    .when(withoutTime(record()))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(null, CONTACT, null, 0));
        }

        @Test
        void a_retry_after_it_was_attached_still_answers_the_first_receipt() {
            fixture.givenCommands(record(), new AttachUnattributedContact(CONTACT, "cust-1", "agent-7"))
                    .when(record())
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(null, CONTACT, null, 0));
        }

        @Test
        void the_same_id_with_a_different_body_is_a_conflict() {
            fixture.givenCommands(record())
                    .when(record(CONTACT, Channel.PHONE, List.of()))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void one_stored_without_its_fingerprint_is_not_taken_for_a_retry() {
            fixture.given(recorded(record(), AT))
                    .when(record())
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }
    }

    @Nested
    class AttachUnattributedContactCommand {

        @Test
        void attaches_it_and_answers_the_contact_to_record_on_the_customers_record_under_the_same_id() {
            fixture.givenCommands(record())
                    .when(new AttachUnattributedContact(CONTACT, "cust-1", "agent-7"))
                    .expectEvents(attachedTo("cust-1", "agent-7"))
                    .expectResultMessagePayload(onCustomersRecord("cust-1"));
        }

        @Test
        void the_attached_event_carries_the_very_contact_the_agents_request_records() {
            assertThat(attachedTo("cust-1", "agent-7").recordContact()).isEqualTo(onCustomersRecord("cust-1"));
        }

        @Test
        void keeps_a_transcript_and_a_restricted_visibility_when_attached() {
            ContactNarrative chat = new ContactNarrative("Worried about a neighbour", "visitor: hello\nagent: hi");
            RecordUnattributedContact restricted = new RecordUnattributedContact("chat-1", Channel.WEBCHAT,
                    ContactType.REFERRAL, Direction.INBOUND, AT, new RecordedBy(RecorderKind.SYSTEM, "agent-3", null),
                    Outcome.TRANSFERRED_TO_SPECIALIST, Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING, null,
                    "demo-webchat", new UnattributedContactDetails(null, chat));

            fixture.givenCommands(restricted)
                    .when(new AttachUnattributedContact("chat-1", "cust-9", "agent-7"))
                    .expectResultMessagePayload(new RecordContact("cust-9", "chat-1", Channel.WEBCHAT,
                            ContactType.REFERRAL, Direction.INBOUND, AT, new RecordedBy(RecorderKind.SYSTEM, "agent-3", null),
                            Outcome.TRANSFERRED_TO_SPECIALIST, Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING, chat));
        }

        @Test
        void attaching_again_to_the_same_customer_is_a_retry_that_answers_the_same() {
            fixture.givenCommands(record(), new AttachUnattributedContact(CONTACT, "cust-1", "agent-7"))
                    .when(new AttachUnattributedContact(CONTACT, "cust-1", "agent-8"))
                    .expectNoEvents()
                    .expectResultMessagePayload(onCustomersRecord("cust-1"));
        }

        @Test
        void attaching_to_another_customer_once_attached_is_a_conflict() {
            fixture.givenCommands(record(), new AttachUnattributedContact(CONTACT, "cust-1", "agent-7"))
                    .when(new AttachUnattributedContact(CONTACT, "cust-2", "agent-7"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void attaching_a_closed_contact_is_a_conflict() {
            fixture.givenCommands(record(), new CloseUnattributedContact(CONTACT, "Wrong number", "agent-7"))
                    .when(new AttachUnattributedContact(CONTACT, "cust-1", "agent-7"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void attaching_an_unknown_contact_fails() {
            fixture.givenNoPriorActivity()
                    .when(new AttachUnattributedContact(CONTACT, "cust-1", "agent-7"))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class CloseUnattributedContactCommand {

        @Test
        void closes_it_with_the_reason() {
            fixture.givenCommands(record())
                    .when(new CloseUnattributedContact(CONTACT, "Wrong number", "agent-7"))
                    .expectEvents(new UnattributedContactClosed(CONTACT, "Wrong number", "agent-7"))
                    .expectResultMessagePayload(new Receipt(null, CONTACT, null, 1));
        }

        @Test
        void closing_again_for_the_same_reason_answers_the_same() {
            fixture.givenCommands(record(), new CloseUnattributedContact(CONTACT, "Wrong number", "agent-7"))
                    .when(new CloseUnattributedContact(CONTACT, "Wrong number", "agent-8"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(null, CONTACT, null, 1));
        }

        @Test
        void closing_again_for_another_reason_is_a_conflict() {
            fixture.givenCommands(record(), new CloseUnattributedContact(CONTACT, "Wrong number", "agent-7"))
                    .when(new CloseUnattributedContact(CONTACT, "Spam", "agent-7"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void closing_an_attached_contact_is_a_conflict() {
            fixture.givenCommands(record(), new AttachUnattributedContact(CONTACT, "cust-1", "agent-7"))
                    .when(new CloseUnattributedContact(CONTACT, "Spam", "agent-7"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void closing_an_unknown_contact_fails() {
            fixture.givenNoPriorActivity()
                    .when(new CloseUnattributedContact(CONTACT, "Spam", "agent-7"))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }

    static RecordUnattributedContact withoutTime(RecordUnattributedContact c) {
        return new RecordUnattributedContact(c.contactId(), c.channel(), c.type(), c.direction(), null, c.recordedBy(),
                c.outcome(), c.visibility(), c.specialism(), c.candidateCustomerIds(), c.sourceSystem(), c.personal());
    }
}
