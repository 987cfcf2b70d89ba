package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import uk.customerhub.infra.EventProbes.ReplayAllowed;
import uk.customerhub.infra.EventProbes.ReplayDisallowed;
import uk.customerhub.infra.EventProbes.ReplayGuarded;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay (issue 3): resetting a processor's tokens through the ADMIN API rebuilds an identical single view from empty
 * collections, and handlers that disallow replay are not called for replayed events.
 * <p>
 * The view is dropped before the replay on purpose: {@code CustomerViewProjection} skips every event whose sequence
 * number is not past the stored view's position and has no reset handler, so a replay over the existing collections
 * would change nothing and prove nothing. Drop, replay, compare is the honest test. No field is ignored in the
 * comparison: every time the view stores comes from the events themselves (their timestamp or {@code occurredAt}),
 * none from the moment of projection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReplayTest {
    private static final String CUSTOMER_VIEW = "customer-view";
    private static final List<String> READ_MODEL = List.of(
            "customer_views", "timeline_entries", "resident_timeline_entries", "customer_lookups");

    private RunningHub hub;
    private String admin;
    private String agent;
    /** Every customer created, with the position its record reached. */
    private final Map<String, Long> customers = new LinkedHashMap<>();

    @BeforeAll
    void startAndRecordSeveralCustomers() {
        // without the demo provider: its updates, posted seconds after a request is routed, would land between the
        // read model read before the replay and the one after
        hub = RunningHub.start(List.of(EventProbes.ReplaySources.class), "--hub.mongo.embedded=MEMORY",
                "--hub.demo-provider.enabled=false");
        admin = hub.client.tokenFor("ada", "ada-demo");
        agent = hub.client.tokenFor("sam", "sam-demo");
        recordCustomers();
        // the router adds to the records of the customers who raised service requests (routing, SLA clocks): let it
        // finish, so the view compared below is the view of every event
        hub.awaitCaughtUp("service-request-router");
        customers.forEach((customerId, position) -> assertThat(hub.client.get(
                "/console/customers/" + customerId + "?awaitPosition=" + position, agent).json().get("position").asLong())
                .as("view of %s", customerId).isGreaterThanOrEqualTo(position));
        hub.awaitCaughtUp(CUSTOMER_VIEW);
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void replaying_customer_view_into_empty_collections_rebuilds_an_identical_single_view() {
        hub.awaitCaughtUp(CUSTOMER_VIEW);
        Map<String, Map<String, Document>> before = readModel();
        Map<String, JsonNode> viewsBefore = viewsOverHttp();
        assertThat(before.get("customer_views")).hasSize(customers.size());
        assertThat(before.get("timeline_entries")).hasSizeGreaterThan(before.get("resident_timeline_entries").size());
        assertThat(before.get("resident_timeline_entries")).isNotEmpty();
        assertThat(before.get("customer_lookups").values())
                .as("a household e-mail shared by two customers")
                .anySatisfy(lookup -> assertThat(lookup.getList("customerIds", String.class)).hasSize(2));
        assertThat(hub.client.post("/admin/processors/" + CUSTOMER_VIEW + "/replay", agent, "").status())
                .as("replay is for ADMIN only").isEqualTo(403);

        READ_MODEL.forEach(collection -> hub.database().getCollection(collection).drop());
        assertThat(readModel().values()).allSatisfy(documents -> assertThat(documents).isEmpty());
        HubClient.Response replay = hub.client.post("/admin/processors/" + CUSTOMER_VIEW + "/replay", admin, "");

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().get("replay").asText()).isEqualTo("started");
        hub.awaitCaughtUp(CUSTOMER_VIEW);
        Map<String, Map<String, Document>> after = readModel();
        for (String collection : READ_MODEL) {
            assertThat(after.get(collection)).as(collection).isEqualTo(before.get(collection));
        }
        assertThat(viewsOverHttp()).isEqualTo(viewsBefore);

        // the first event past the reset position ends the replay (Axon keeps "replaying" until then) and is projected
        String customerId = customers.keySet().iterator().next();
        long position = hub.client.post("/console/customers/" + customerId + "/contacts", agent, """
                {"channel":"LETTER","type":"FEEDBACK","summary":"Written after the rebuild"}""").json().get("position").asLong();
        JsonNode view = hub.client.get("/console/customers/" + customerId + "?awaitPosition=" + position, agent).json();
        assertThat(view.get("position").asLong()).isEqualTo(position);
        assertThat(view.get("recentEntries").get(0).get("summary").asText()).isEqualTo("Written after the rebuild");
        hub.awaitNotReplaying(CUSTOMER_VIEW);
        JsonNode status = processorsOverHttp().get(CUSTOMER_VIEW);
        assertThat(status.get("running").asBoolean()).isTrue();
        assertThat(status.get("replaying").asBoolean()).isFalse();
        assertThat(status.get("error").asBoolean()).isFalse();
    }

    @Test
    void a_replay_calls_replay_allowed_handlers_again_and_never_one_that_disallows_replay() {
        hub.awaitCaughtUp(ReplayAllowed.REPLAY_GROUP);
        ReplayAllowed allowed = hub.bean(ReplayAllowed.class);
        ReplayDisallowed disallowed = hub.bean(ReplayDisallowed.class);
        Set<String> stored = storedEventIds();
        assertThat(stored).hasSizeGreaterThan(40);
        assertThat(allowed.timesDelivered()).as("live, before the replay").isEqualTo(once(stored));
        assertThat(disallowed.timesDelivered()).as("live, before the replay").isEqualTo(once(stored));

        HubClient.Response replay = hub.client.post("/admin/processors/" + ReplayAllowed.REPLAY_GROUP + "/replay", admin, "");

        assertThat(replay.status()).isEqualTo(202);
        hub.awaitCaughtUp(ReplayAllowed.REPLAY_GROUP);
        assertThat(allowed.timesDelivered()).as("allowed: once live, once replayed")
                .isEqualTo(stored.stream().collect(Collectors.toMap(Function.identity(), id -> 2L)));
        assertThat(allowed.replayed()).isEqualTo(stored.size());
        assertThat(disallowed.timesDelivered()).as("disallowed: only the live delivery").isEqualTo(once(stored));
        assertThat(disallowed.replayed()).isZero();

        // after the replay both handle new events as usual
        String customerId = customers.keySet().iterator().next();
        assertThat(hub.client.post("/console/customers/" + customerId + "/contacts", agent, """
                {"channel":"EMAIL","type":"ENQUIRY","summary":"Sent after the replay"}""").status()).isEqualTo(201);
        Set<String> now = storedEventIds();
        assertThat(now).hasSize(stored.size() + 1);
        hub.awaitCaughtUp(ReplayAllowed.REPLAY_GROUP);
        Set<String> added = new TreeSet<>(now);
        added.removeAll(stored);
        assertThat(allowed.deliveries()).last().satisfies(last -> {
            assertThat(last.eventId()).isEqualTo(added.iterator().next());
            assertThat(last.replay()).isFalse();
        });
        assertThat(disallowed.timesDelivered()).isEqualTo(once(now));
        hub.awaitNotReplaying(ReplayAllowed.REPLAY_GROUP);
        assertThat(processorsOverHttp().get(ReplayAllowed.REPLAY_GROUP).get("replaying").asBoolean()).isFalse();
    }

    @Test
    void a_processor_whose_every_handler_disallows_replay_refuses_a_replay_and_keeps_running() {
        hub.awaitCaughtUp(ReplayGuarded.GROUP);
        ReplayGuarded guarded = hub.bean(ReplayGuarded.class);
        int delivered = guarded.deliveries().size();

        HubClient.Response replay = hub.client.post("/admin/processors/" + ReplayGuarded.GROUP + "/replay", admin, "");

        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.json().get("replay").asText()).isEqualTo("not supported");
        assertThat(processorsOverHttp().get(ReplayGuarded.GROUP).get("running").asBoolean()).isTrue();
        hub.awaitCaughtUp(ReplayGuarded.GROUP);
        assertThat(guarded.deliveries()).hasSize(delivered);
        assertThat(guarded.replayed()).isZero();
    }

    // ---- the data ------------------------------------------------------------------------------------------------

    /**
     * Customers made through both channels: residents self-serving on the portal (contacts, a service request with
     * answers and a location, profile changes that add and then move a surname-and-postcode lookup), and customers
     * registered and served by an agent (a household e-mail shared by two, every visibility, more than the ten recent
     * entries a view keeps).
     */
    private void recordCustomers() {
        String alice = hub.client.tokenFor("alice", "alice-demo");
        receipt(hub.client.post("/portal/me/service-requests", alice, """
                {"serviceCode":"missed-bin","description":"Grey bin not collected on Tuesday",
                 "attributes":{"bin_type":"general-waste","put_out_by":"2026-03-02T06:30:00Z"},
                 "location":{"description":"12 Example Street","postcode":"SO14 7LY","latitude":50.9,"longitude":-1.4}}""",
                "Idempotency-Key", "missed-bin-1"));
        receipt(hub.client.patch("/portal/me", alice, """
                {"givenName":"Alice","familyName":"Example","phone":"07700 900123",
                 "address":{"lines":["12 Example Street"],"town":"Southampton","postcode":"so14 7ly"}}"""));
        receipt(hub.client.post("/portal/me/contacts", alice, """
                {"type":"ENQUIRY","summary":"When will the missed bin be collected?"}"""));

        String bob = hub.client.tokenFor("bob", "bob-demo");
        receipt(hub.client.post("/portal/me/contacts", bob, """
                {"type":"FEEDBACK","summary":"The new library opening hours are great","occurredAt":"2024-05-01T09:30:00Z"}"""));
        receipt(hub.client.patch("/portal/me", bob, """
                {"familyName":"Builder","address":{"postcode":"SO15 2JU"}}"""));
        receipt(hub.client.patch("/portal/me", bob, """
                {"address":{"postcode":"SO16 3AA"},"email":"bob@example.org"}"""));
        receipt(hub.client.post("/portal/me/contacts", bob, """
                {"type":"COMPLAINT","summary":"Pothole on Portswood Road"}"""));

        for (int i = 0; i < 2; i++) {
            String resident = hub.token("urn:fdc:gov.uk:2022:replay-" + UUID.randomUUID(), "RESIDENT", "P2");
            receipt(hub.client.post("/portal/me/contacts", resident, "{\"type\":\"COMPLIMENT\",\"summary\":\"Thanks, resident " + i + "\"}"));
        }

        String email = "household-" + UUID.randomUUID() + "@example.org";
        String ann = receipt(hub.client.post("/console/customers", agent, "{\"category\":\"RESIDENT\",\"givenName\":\"Ann\","
                + "\"familyName\":\"Quist\",\"email\":\"" + email + "\",\"address\":{\"postcode\":\"SO15 2JU\"}}"));
        String tom = receipt(hub.client.post("/console/customers", agent, "{\"category\":\"RESIDENT\",\"givenName\":\"Tom\","
                + "\"familyName\":\"Quist\",\"email\":\"" + email.toUpperCase() + "\",\"address\":{\"postcode\":\"so152ju\"},"
                + "\"socialHandle\":\"x:tomquist\"}"));
        receipt(hub.client.post("/console/customers/" + ann + "/contacts", agent, """
                {"channel":"PHONE","type":"ENQUIRY","summary":"Asked about council tax bands","outcome":"RESOLVED_FIRST_CONTACT"}"""));
        receipt(hub.client.post("/console/customers/" + ann + "/contacts", agent, """
                {"channel":"FACE_TO_FACE","type":"CHANGE_OF_CIRCUMSTANCES","summary":"Moved in with her son",
                 "outcome":"SIGNPOSTED","accessPoint":"Central Library","visibility":"STAFF_ONLY"}"""));
        receipt(hub.client.post("/console/customers/" + ann + "/contacts", agent, """
                {"channel":"PHONE","type":"REFERRAL","summary":"Safeguarding concern raised by a neighbour",
                 "outcome":"TRANSFERRED_TO_SPECIALIST","visibility":"RESTRICTED","specialism":"ADULTS_SAFEGUARDING",
                 "direction":"INBOUND"}"""));
        receipt(hub.client.post("/console/customers/" + tom + "/service-requests", agent, """
                {"channel":"PHONE","serviceCode":"pest-control","description":"Rats under the shed",
                 "attributes":{"pest":"rats","where":"garden"},"location":{"uprn":"100060701234"}}""", "Idempotency-Key", "pests-1"));

        String business = receipt(hub.client.post("/console/customers", agent, """
                {"category":"BUSINESS","givenName":"Harbour","familyName":"Cafe","phone":"023 8000 1234"}"""));
        String[] channels = {"PHONE", "EMAIL", "LETTER", "WEBCHAT", "SOCIAL", "IVR", "PARTNER_REFERRAL"};
        for (int i = 0; i < 14; i++) {
            receipt(hub.client.post("/console/customers/" + business + "/contacts", agent,
                    "{\"channel\":\"" + channels[i % channels.length] + "\",\"type\":\"ENQUIRY\",\"summary\":\"Trade waste question "
                            + i + "\",\"occurredAt\":\"2024-06-0" + (1 + i % 9) + "T10:00:00Z\"}"));
        }
        assertThat(customers).hasSize(7);
    }

    /** The receipt of a write, which must have succeeded; remembers how far its customer's record got. */
    private String receipt(HubClient.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        JsonNode receipt = response.json();
        String customerId = receipt.get("customerId").asText();
        customers.merge(customerId, receipt.get("position").asLong(), Math::max);
        return customerId;
    }

    // ---- looking -------------------------------------------------------------------------------------------------

    private Map<String, Map<String, Document>> readModel() {
        Map<String, Map<String, Document>> model = new LinkedHashMap<>();
        READ_MODEL.forEach(collection -> model.put(collection, hub.collection(collection)));
        return model;
    }

    private Map<String, JsonNode> viewsOverHttp() {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        customers.keySet().forEach(customerId -> {
            views.put(customerId, hub.client.get("/console/customers/" + customerId, agent).json());
            views.put(customerId + "/timeline", hub.client.get("/console/customers/" + customerId + "/timeline?size=50", agent).json());
        });
        return views;
    }

    private Map<String, JsonNode> processorsOverHttp() {
        Map<String, JsonNode> processors = new LinkedHashMap<>();
        hub.client.get("/admin/processors", admin).json().forEach(processor -> processors.put(processor.get("name").asText(), processor));
        return processors;
    }

    private Set<String> storedEventIds() {
        Set<String> ids = new TreeSet<>();
        hub.collection("event_commits").values().forEach(commit ->
                commit.getList("events", Document.class).forEach(event -> ids.add(event.getString("id"))));
        return ids;
    }

    private static Map<String, Long> once(Set<String> ids) {
        return ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L));
    }
}
