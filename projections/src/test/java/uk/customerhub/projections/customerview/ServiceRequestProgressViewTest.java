package uk.customerhub.projections.customerview;

import org.junit.jupiter.api.Test;
import uk.customerhub.api.Channel;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.OpenServiceRequest;
import uk.customerhub.api.RoutingDecision;
import uk.customerhub.api.ServiceLevelView;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.api.ServiceRequestStatus;
import uk.customerhub.api.ServiceRequestStatusUpdated;
import uk.customerhub.api.ServiceRequestUpdate;
import uk.customerhub.api.SlaClockStarted;
import uk.customerhub.api.SlaTarget;
import uk.customerhub.api.SlaTargetMet;
import uk.customerhub.api.SlaTargetStatus;
import uk.customerhub.api.StatusNote;
import uk.customerhub.api.Viewer;
import uk.customerhub.api.Visibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.customerhub.projections.customerview.Events.profile;
import static uk.customerhub.projections.customerview.Events.registered;
import static uk.customerhub.projections.customerview.Events.serviceRequest;
import static uk.customerhub.projections.customerview.Events.serviceRequestContact;

/** The single view follows a service request after it is raised: its provider, each status with its time, its targets. */
class ServiceRequestProgressViewTest extends SingleViewTestBase {
    private static final Instant ACKNOWLEDGED_AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant FIXED_AT = Instant.parse("2026-03-03T15:30:00Z");

    private void givenARoutedRequest(String customerId, String serviceRequestId) {
        feed.publish(customerId, serviceRequestContact(customerId, "k-" + serviceRequestId, Channel.WEB, Visibility.RESIDENT_VISIBLE));
        feed.publish(customerId, serviceRequest(customerId, serviceRequestId, "k-" + serviceRequestId, Visibility.RESIDENT_VISIBLE));
        feed.publish(customerId, new ServiceRequestRouted(customerId, serviceRequestId, "missed-bin", "waste-operations",
                new RoutingDecision("default", 1, 1, Map.of()), Visibility.RESIDENT_VISIBLE, null));
        feed.publish(customerId, new SlaClockStarted(customerId, serviceRequestId, "missed-bin", "waste-operations",
                ACKNOWLEDGED_AT.minusSeconds(3600), 1, LocalDate.of(2026, 3, 3), Instant.parse("2026-03-04T00:00:00Z"),
                2, LocalDate.of(2026, 3, 4), Instant.parse("2026-03-05T00:00:00Z"), Visibility.RESIDENT_VISIBLE, null));
    }

    private void update(String customerId, String serviceRequestId, String updateId, ServiceRequestStatus status, Instant at) {
        feed.publish(customerId, new ServiceRequestStatusUpdated(customerId, serviceRequestId, "waste-operations", updateId,
                status, "WO-" + updateId, at, new StatusNote("Note " + updateId)));
    }

    @Test
    void the_resident_sees_the_provider_each_status_with_its_time_and_the_targets() {
        // given
        feed.publish("c-1", registered("c-1", profile("Ann", "Smith", "ann@example.org", "SO14 7LY")));
        feed.publish("c-1", Events.linked("c-1", IdentityKind.DIGITAL_ID, "urn:fdc:gov.uk:2022:ann"));
        givenARoutedRequest("c-1", "sr-1");
        // when
        update("c-1", "sr-1", "u-1", ServiceRequestStatus.ACKNOWLEDGED, ACKNOWLEDGED_AT);
        feed.publish("c-1", new SlaTargetMet("c-1", "sr-1", SlaTarget.RESPONSE, ACKNOWLEDGED_AT, Instant.parse("2026-03-04T00:00:00Z")));
        update("c-1", "sr-1", "u-2", ServiceRequestStatus.FIXED, FIXED_AT);

        // then
        CustomerView view = queries.handle(new FetchCustomerView("c-1", Viewer.resident("urn:fdc:gov.uk:2022:ann"), null))
                .orElseThrow();
        OpenServiceRequest request = view.openServiceRequests().get(0);
        assertThat(request.providerId()).isEqualTo("waste-operations");
        assertThat(request.status()).isEqualTo("fixed");
        assertThat(request.statusUpdatedAt()).isEqualTo(FIXED_AT);
        assertThat(request.updates()).containsExactly(
                new ServiceRequestUpdate("fixed", "WO-u-2", "Note u-2", FIXED_AT, "waste-operations"),
                new ServiceRequestUpdate("acknowledged", "WO-u-1", "Note u-1", ACKNOWLEDGED_AT, "waste-operations"));
        assertThat(request.serviceLevel()).isEqualTo(new ServiceLevelView(LocalDate.of(2026, 3, 3), SlaTargetStatus.MET,
                LocalDate.of(2026, 3, 4), SlaTargetStatus.RUNNING));
    }

    @Test
    void a_late_update_does_not_replace_the_latest_status() {
        feed.publish("c-1", registered("c-1", profile("Ann", "Smith", "ann@example.org", "SO14 7LY")));
        givenARoutedRequest("c-1", "sr-1");

        update("c-1", "sr-1", "u-2", ServiceRequestStatus.IN_PROGRESS, FIXED_AT);
        update("c-1", "sr-1", "u-1", ServiceRequestStatus.ACKNOWLEDGED, ACKNOWLEDGED_AT);

        OpenServiceRequest request = queries.handle(new FetchCustomerView("c-1", Viewer.agent("agent-7"), null)).orElseThrow()
                .openServiceRequests().get(0);
        assertThat(request.status()).isEqualTo("in_progress");
        assertThat(request.updates()).extracting(ServiceRequestUpdate::status).containsExactly("in_progress", "acknowledged");
    }

    @Test
    void finished_requests_stay_shown_but_only_the_most_recent_few() {
        feed.publish("c-1", registered("c-1", profile("Ann", "Smith", "ann@example.org", "SO14 7LY")));
        for (int i = 1; i <= ServiceRequestProgress.FINISHED_REQUESTS + 2; i++) {
            givenARoutedRequest("c-1", "sr-" + i);
            update("c-1", "sr-" + i, "u-" + i, ServiceRequestStatus.CLOSED, FIXED_AT.plusSeconds(i));
        }
        givenARoutedRequest("c-1", "sr-open");

        CustomerView view = queries.handle(new FetchCustomerView("c-1", Viewer.agent("agent-7"), null)).orElseThrow();
        assertThat(view.openServiceRequests()).extracting(OpenServiceRequest::serviceRequestId)
                .containsExactlyInAnyOrder("sr-3", "sr-4", "sr-5", "sr-6", "sr-7", "sr-open");
    }
}
