package uk.customerhub.infra.axon;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactMovedIn;
import uk.customerhub.api.ContactMovedOut;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.CustomerRegistered;
import uk.customerhub.api.Direction;
import uk.customerhub.api.MovedContact;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.ServiceRequestDetails;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.ServiceRequestStatus;
import uk.customerhub.api.ServiceRequestStatusUpdated;
import uk.customerhub.api.SlaTargetStatus;
import uk.customerhub.api.StatusNote;
import uk.customerhub.api.StatutoryClockKind;
import uk.customerhub.api.StatutoryClockStatus;
import uk.customerhub.api.Visibility;
import uk.customerhub.customer.Customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer record's moves survive a snapshot: the contacts moved in (with their service request, its provider
 * updates and service level clock, and their statutory clocks) and out come back equal from the snapshot serializer.
 */
class CustomerSnapshotMovesTest {
    static final Instant AT = Instant.parse("2025-03-04T10:15:30Z");

    @Test
    void a_record_with_contacts_moved_in_and_out_comes_back_equal_from_its_snapshot() throws Exception {
        MovedContact request = new MovedContact("c-1",
                new ContactRecorded("cust-2", "c-1", Channel.WEB, ContactType.SERVICE_REQUEST, Direction.INBOUND, AT,
                        RecordedBy.selfService(), Outcome.SERVICE_REQUEST_RAISED, Visibility.RESIDENT_VISIBLE, null,
                        new ContactNarrative("A mattress")),
                AT, "fp-1", new ServiceRequestRaised("cust-2", "sr-1", "c-1", "fly-tipping", Visibility.RESIDENT_VISIBLE,
                        null, new ServiceRequestDetails("A mattress", null, null), 2, CustomerCategory.RESIDENT),
                AT, "waste-operations", false,
                List.of(new MovedContact.ProviderUpdate(new ServiceRequestStatusUpdated("cust-2", "sr-1",
                        "waste-operations", "u-1", ServiceRequestStatus.IN_PROGRESS, null, AT, new StatusNote("On it")),
                        AT, "fp-u-1")),
                new MovedContact.ServiceLevel(SlaTargetStatus.MET, LocalDate.of(2025, 3, 6), Instant.parse("2025-03-07T00:00:00Z"),
                        SlaTargetStatus.RUNNING, LocalDate.of(2025, 3, 18), Instant.parse("2025-03-19T00:00:00Z"), null),
                List.of());
        MovedContact foi = new MovedContact("c-2",
                new ContactRecorded("cust-2", "c-2", Channel.EMAIL, ContactType.FOI_REQUEST, Direction.INBOUND, AT,
                        RecordedBy.selfService(), Outcome.CALLBACK_ARRANGED, Visibility.STAFF_ONLY, null,
                        new ContactNarrative("The bin contract please")),
                AT, "fp-2", null, null, null, false, List.of(), null,
                List.of(new MovedContact.Clock("c-2", StatutoryClockKind.FOI_REQUEST, null, AT, LocalDate.of(2025, 4, 1),
                        Instant.parse("2025-04-01T23:00:00Z"), StatutoryClockStatus.OPEN, null, null,
                        Visibility.STAFF_ONLY, null)));
        Customer customer = RebuiltRecords.rebuiltFrom(List.of(
                new CustomerRegistered("cust-1", CustomerCategory.RESIDENT, CustomerProfile.empty()),
                new ContactMovedIn("cust-1", "cust-2", request),
                new ContactMovedIn("cust-1", "cust-2", foi),
                new ContactMovedOut("cust-1", "c-2", "cust-3", foi)));
        Serializer snapshots = new StoredMessageSerializers().snapshotSerializer();

        SerializedObject<byte[]> stored = snapshots.serialize(customer, byte[].class);
        Customer restored = snapshots.deserialize(stored);

        assertThat(new String(stored.getData())).contains("\"movedIn\"", "\"movedOut\"", "\"cust-3\"", "fp-u-1");
        assertThat(restored).usingRecursiveComparison().ignoringCollectionOrder().isEqualTo(customer);
    }
}
