package uk.customerhub.projections.routing.delivery;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.Direction;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.RoutingDecision;
import uk.customerhub.api.ServiceLocation;
import uk.customerhub.api.ServiceRequestDetails;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.ServiceRequestRerouted;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.api.Visibility;
import uk.customerhub.projections.TestMongo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox follows the routing events: one delivery per webhook with its payload fixed, one outbox entry per
 * pending delivery, nothing new for a redelivered event, and a re-route tells both providers.
 */
class WebhookOutboxTest {
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final Instant RAISED_AT = Instant.parse("2026-11-24T08:59:00Z");

    @RegisterExtension
    static final TestMongo mongo = new TestMongo();

    private MongoDatabase database;
    private Deliveries deliveries;
    private AnnotationEventHandlerAdapter outbox;
    private AnnotationEventHandlerAdapter details;
    private long sequence;

    @BeforeEach
    void freshDatabase() {
        database = mongo.freshDatabase("outbox");
        deliveries = new Deliveries(database);
        DeliveryRequestDetails requestDetails = new DeliveryRequestDetails(database);
        details = new AnnotationEventHandlerAdapter(requestDetails);
        outbox = new AnnotationEventHandlerAdapter(new WebhookOutbox(deliveries, requestDetails, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private DomainEventMessage<?> deliver(Object event, Map<String, String> metaData) {
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Customer", "cust-1", sequence++, event,
                MetaData.from(metaData).and(Provenance.ORGANISATION, "council"));
        redeliver(message);
        return message;
    }

    private void redeliver(DomainEventMessage<?> message) {
        try {
            details.handle(message);
            outbox.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void raise(String serviceRequestId, String description, Map<String, String> attributes) {
        deliver(new ContactRecorded("cust-1", "web-" + serviceRequestId, Channel.WEB, ContactType.SERVICE_REQUEST,
                Direction.INBOUND, RAISED_AT, RecordedBy.selfService(), Outcome.SERVICE_REQUEST_RAISED,
                Visibility.RESIDENT_VISIBLE, null, new ContactNarrative(description)), Map.of("serviceRequestId", serviceRequestId));
        deliver(new ServiceRequestRaised("cust-1", serviceRequestId, "web-" + serviceRequestId, "pothole",
                Visibility.RESIDENT_VISIBLE, null, new ServiceRequestDetails(description, attributes,
                new ServiceLocation(50.9097, -1.4044, "Outside 12 Example Street", null, "SO14 7LY")), 1, CustomerCategory.RESIDENT), Map.of());
    }

    private static ServiceRequestRouted routed(String serviceRequestId, String providerId) {
        return new ServiceRequestRouted("cust-1", serviceRequestId, "pothole", providerId,
                new RoutingDecision("pothole-default", 3, 2, Map.of("ward", "Bargate")), Visibility.RESIDENT_VISIBLE, null);
    }

    private List<String> outboxIds() {
        return database.getCollection(Deliveries.OUTBOX).find().map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    @Test
    void given_a_raised_request_when_it_is_routed_then_a_routed_webhook_with_its_details_is_due_at_once() {
        raise("sr-1", "Deep pothole by the bus stop", Map.of("depth_cm", "12"));

        DomainEventMessage<?> route = deliver(routed("sr-1", "highways-partner"), Map.of());

        String webhookId = WebhookOutbox.webhookId(route.getIdentifier(), WebhookPayloads.ROUTED, "highways-partner");
        Delivery delivery = deliveries.find(webhookId).orElseThrow();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.providerId()).isEqualTo("highways-partner");
        assertThat(delivery.customerId()).isEqualTo("cust-1");
        assertThat(delivery.nextAttemptAt()).isEqualTo(NOW);
        assertThat(deliveries.due(NOW, 10)).containsExactly(webhookId);

        Document payload = Document.parse(delivery.payload());
        assertThat(payload.keySet()).containsExactly("type", "timestamp", "data");
        assertThat(payload.getString("type")).isEqualTo("service_request.routed");
        assertThat(payload.getString("timestamp")).isEqualTo(route.getTimestamp().toString());
        Document data = payload.get("data", Document.class);
        assertThat(data.getString("service_request_id")).isEqualTo("sr-1");
        assertThat(data.getString("service_code")).isEqualTo("pothole");
        assertThat(data.getInteger("service_version")).isEqualTo(2);
        assertThat(data.getString("description")).isEqualTo("Deep pothole by the bus stop");
        assertThat(data.get("attributes", Document.class)).isEqualTo(new Document("depth_cm", "12"));
        assertThat(data.get("location", Document.class)).isEqualTo(new Document("latitude", 50.9097).append("longitude", -1.4044)
                .append("address", "Outside 12 Example Street").append("postcode", "SO14 7LY"));
        assertThat(data.getString("requested_datetime")).isEqualTo(RAISED_AT.toString());
        assertThat(data.getString("channel")).isEqualTo("WEB");
        assertThat(data).doesNotContainKeys("customerId", "customer_id", "truncated");
    }

    @Test
    void given_a_queued_webhook_when_the_same_event_is_delivered_again_then_nothing_new_is_queued() {
        raise("sr-1", "Deep pothole", Map.of());
        DomainEventMessage<?> route = deliver(routed("sr-1", "highways-partner"), Map.of());
        String webhookId = WebhookOutbox.webhookId(route.getIdentifier(), WebhookPayloads.ROUTED, "highways-partner");
        deliveries.delivered(webhookId, new DeliveryAttempt(1, NOW, 204, 12, null));

        redeliver(route);

        assertThat(deliveries.ofRequest("sr-1")).extracting(Delivery::webhookId, Delivery::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(webhookId, DeliveryStatus.DELIVERED));
        assertThat(outboxIds()).isEmpty();
    }

    @Test
    void given_a_pending_webhook_whose_outbox_entry_was_lost_when_the_event_comes_again_then_it_is_due_again_once() {
        raise("sr-1", "Deep pothole", Map.of());
        DomainEventMessage<?> route = deliver(routed("sr-1", "highways-partner"), Map.of());
        database.getCollection(Deliveries.OUTBOX).deleteMany(new Document());

        redeliver(route);
        redeliver(route);

        assertThat(outboxIds()).hasSize(1);
        assertThat(deliveries.ofRequest("sr-1")).hasSize(1);
    }

    @Test
    void given_a_routed_request_when_it_is_rerouted_then_the_old_provider_gets_a_cancellation_and_the_new_one_the_request() {
        raise("sr-1", "Deep pothole", Map.of("depth_cm", "12"));
        deliver(routed("sr-1", "highways-partner"), Map.of());

        DomainEventMessage<?> reroute = deliver(new ServiceRequestRerouted("cust-1", "sr-1", "pothole", "highways-partner",
                "waste-operations", "wrong team", Visibility.RESIDENT_VISIBLE, null), Map.of());

        String cancelId = WebhookOutbox.webhookId(reroute.getIdentifier(), WebhookPayloads.CANCELLED, "highways-partner");
        String routeId = WebhookOutbox.webhookId(reroute.getIdentifier(), WebhookPayloads.ROUTED, "waste-operations");
        Document cancel = Document.parse(deliveries.find(cancelId).orElseThrow().payload());
        assertThat(cancel.getString("type")).isEqualTo("service_request.cancelled");
        assertThat(cancel.get("data", Document.class)).isEqualTo(new Document("service_request_id", "sr-1")
                .append("service_code", "pothole").append("provider_id", "highways-partner").append("reason", "rerouted"));
        Document route = Document.parse(deliveries.find(routeId).orElseThrow().payload());
        assertThat(route.get("data", Document.class).getString("provider_id")).isEqualTo("waste-operations");
        assertThat(route.get("data", Document.class).getInteger("service_version")).isEqualTo(2);
        assertThat(route.get("data", Document.class).getString("description")).isEqualTo("Deep pothole");
        assertThat(deliveries.ofRequest("sr-1")).hasSize(3);
        assertThat(outboxIds()).hasSize(3).contains(cancelId, routeId);
    }

    @Test
    void given_answers_too_long_for_20_kb_when_routed_then_they_are_cut_short_and_marked_truncated() {
        Map<String, String> attributes = IntStream.range(0, 30).boxed()
                .collect(Collectors.toMap(i -> "note_" + i, i -> "x".repeat(1_000)));
        raise("sr-1", "y".repeat(4_000), attributes);

        DomainEventMessage<?> route = deliver(routed("sr-1", "highways-partner"), Map.of());

        String payload = deliveries.find(WebhookOutbox.webhookId(route.getIdentifier(), WebhookPayloads.ROUTED,
                "highways-partner")).orElseThrow().payload();
        assertThat(WebhookPayloads.size(payload)).isLessThanOrEqualTo(WebhookPayloads.MAX_BYTES);
        Document data = Document.parse(payload).get("data", Document.class);
        assertThat(data.getBoolean("truncated")).isTrue();
        assertThat(data.getList("truncated_fields", String.class)).contains("description", "attributes.note_0");
        assertThat(data.getString("description")).endsWith("…").startsWith("yyyy");
        assertThat(data.get("attributes", Document.class)).hasSize(30);
    }
}
