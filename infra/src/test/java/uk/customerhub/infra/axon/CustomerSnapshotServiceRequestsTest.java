package uk.customerhub.infra.axon;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.CustomerRegistered;
import uk.customerhub.api.RoutingDecision;
import uk.customerhub.api.ServiceRequestDetails;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.api.ServiceRequestStatus;
import uk.customerhub.api.ServiceRequestStatusUpdated;
import uk.customerhub.api.SlaClockPaused;
import uk.customerhub.api.SlaClockStarted;
import uk.customerhub.api.SlaTarget;
import uk.customerhub.api.SlaTargetMet;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.StatusNote;
import uk.customerhub.api.Visibility;
import uk.customerhub.api.WorklistTaskCompleted;
import uk.customerhub.customer.Customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer record's service requests survive a snapshot: their routing, provider updates (kept to answer
 * retries), service level clocks and completed worklist tasks come back equal from the snapshot serializer.
 */
class CustomerSnapshotServiceRequestsTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void a_record_with_routed_updated_and_timed_requests_comes_back_equal_from_its_snapshot() throws Exception {
        Customer customer = RebuiltRecords.rebuiltFrom(List.of(
                new CustomerRegistered("cust-1", CustomerCategory.RESIDENT, CustomerProfile.empty()),
                new ServiceRequestRaised("cust-1", "sr-1", "c-1", "pothole", Visibility.RESIDENT_VISIBLE, null,
                        new ServiceRequestDetails("Deep pothole", Map.of("surface", "road"), null), 1, CustomerCategory.RESIDENT),
                new ServiceRequestRaised("cust-1", "sr-2", "c-2", "adult-social-care-referral", Visibility.RESTRICTED,
                        Specialism.ADULTS_SAFEGUARDING, new ServiceRequestDetails("Concern", null, null), null, null),
                new ServiceRequestRouted("cust-1", "sr-1", "pothole", "highways-partner",
                        new RoutingDecision("default", 1, 1, Map.of()), Visibility.RESIDENT_VISIBLE, null),
                new SlaClockStarted("cust-1", "sr-1", "pothole", "highways-partner", AT, 2, LocalDate.of(2026, 3, 4),
                        Instant.parse("2026-03-05T00:00:00Z"), 10, LocalDate.of(2026, 3, 16),
                        Instant.parse("2026-03-17T00:00:00Z"), Visibility.RESIDENT_VISIBLE, null),
                new ServiceRequestStatusUpdated("cust-1", "sr-1", "highways-partner", "u-1", ServiceRequestStatus.ACKNOWLEDGED,
                        "HW-1", AT, new StatusNote("Booked")),
                new SlaTargetMet("cust-1", "sr-1", SlaTarget.RESPONSE, AT, Instant.parse("2026-03-05T00:00:00Z")),
                new SlaClockPaused("cust-1", "sr-1", AT, "Awaiting photos"),
                new WorklistTaskCompleted("cust-1", "delivery-failed:msg_1", "sr-1", "Phoned them", AT)));
        Serializer snapshots = new StoredMessageSerializers().snapshotSerializer();

        SerializedObject<byte[]> stored = snapshots.serialize(customer, byte[].class);
        Customer restored = snapshots.deserialize(stored);

        assertThat(new String(stored.getData())).contains("\"serviceRequests\"", "\"highways-partner\"", "\"u-1\"",
                "\"completedTasks\"");
        assertThat(restored).usingRecursiveComparison().ignoringCollectionOrder().isEqualTo(customer);
    }
}
