package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.CustomerRegistered;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.RoutingDecision;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.api.ServiceRequestStatus;
import uk.customerhub.api.ServiceRequestStatusUpdated;
import uk.customerhub.api.StatusNote;
import uk.customerhub.api.Visibility;
import uk.customerhub.customer.KeyNamespaces;
import uk.customerhub.identity.UniqueKeys;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open311 GeoReport v2 at /open311/v2, driven over HTTP as a FixMyStreet-style client would: each answer in JSON and
 * XML with the specification's field and element names, reports posted with the demo API key, errors in Open311's own
 * format, reporters matched by e-mail or given a provisional record, the public searches, and mySociety's
 * servicerequestupdates after a provider's status update (the events of routing and of the update are appended here
 * directly, standing in for the router and the provider).
 */
@AutoConfigureObservability
class Open311Test extends HubApplicationTest {
    static final String DEMO_KEY = "demo-open311-key";
    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
            "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    static final List<String> UPDATE_FIELDS = List.of("update_id", "service_request_id", "status", "updated_datetime",
            "description", "media_url", "external_status_code");

    @Autowired
    EventStore eventStore;

    @Autowired
    UniqueKeys uniqueKeys;

    @Autowired
    MongoDatabase database;

    private final HttpClient http = HttpClient.newHttpClient();

    // ---- discovery, services, definitions ----------------------------------------------------------------------

    @Test
    void discovery_lists_the_endpoint_and_its_formats_in_json_and_xml() {
        JsonNode discovery = open311("/discovery.json").json();
        Element xml = xml(open311("/discovery.xml"));

        assertThat(fieldNames(discovery)).containsExactly("changeset", "contact", "key_service", "endpoints");
        JsonNode endpoint = discovery.get("endpoints").get(0);
        assertThat(fieldNames(endpoint)).containsExactly("specification", "url", "changeset", "type", "formats");
        assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asText()).endsWith("/open311/v2");
        assertThat(xml.getTagName()).isEqualTo("discovery");
        assertThat(childNames(xml)).containsExactly("changeset", "contact", "key_service", "endpoints");
        Element xmlEndpoint = child(child(xml, "endpoints"), "endpoint");
        assertThat(childNames(child(xmlEndpoint, "formats"))).containsExactly("format", "format");
        assertThat(children(child(xmlEndpoint, "formats")).stream().map(Node::getTextContent))
                .containsExactly("text/xml", "application/json");
    }

    @Test
    void services_are_listed_with_the_specs_names_and_restricted_services_are_not_offered() {
        HubClient.Response json = open311("/services.json");
        HubClient.Response xmlAnswer = open311("/services.xml");

        assertThat(json.contentType()).startsWith("application/json");
        JsonNode pothole = find(json.json(), "service_code", "pothole");
        assertThat(fieldNames(pothole)).containsExactly("service_code", "service_name", "description", "metadata", "type",
                "keywords", "group");
        assertThat(pothole.get("metadata").asBoolean()).isTrue();
        assertThat(pothole.get("type").asText()).isEqualTo("realtime");
        List<String> codes = new ArrayList<>();
        json.json().forEach(service -> codes.add(service.get("service_code").asText()));
        assertThat(codes).contains("missed-bin", "fly-tipping", "street-light-fault")
                .doesNotContain("childrens-safeguarding-referral", "adult-social-care-referral");

        assertThat(xmlAnswer.contentType()).startsWith("text/xml");
        Element services = xml(xmlAnswer);
        assertThat(services.getTagName()).isEqualTo("services");
        assertThat(childNames(services)).containsOnly("service").hasSize(codes.size());
        Element first = children(services).get(0);
        assertThat(childNames(first)).containsExactly("service_code", "service_name", "description", "metadata", "type",
                "keywords", "group");
    }

    @Test
    void a_service_definition_has_its_attributes_with_the_specs_names_and_a_restricted_one_is_not_found() {
        JsonNode definition = open311("/services/pothole.json").json();
        Element xml = xml(open311("/services/pothole.xml"));

        assertThat(fieldNames(definition)).containsExactly("service_code", "attributes");
        JsonNode surface = find(definition.get("attributes"), "code", "surface");
        assertThat(fieldNames(surface)).containsExactly("variable", "code", "datatype", "required", "datatype_description",
                "order", "description", "values");
        assertThat(surface.get("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(fieldNames(surface.get("values").get(0))).containsExactly("key", "name");
        assertThat(xml.getTagName()).isEqualTo("service_definition");
        assertThat(childNames(xml)).containsExactly("service_code", "attributes");
        Element attribute = child(child(xml, "attributes"), "attribute");
        assertThat(childNames(attribute)).containsExactly("variable", "code", "datatype", "required", "datatype_description",
                "order", "description", "values");
        assertThat(childNames(child(child(attribute, "values"), "value"))).containsExactly("key", "name");

        HubClient.Response restricted = open311("/services/childrens-safeguarding-referral.json");
        HubClient.Response restrictedXml = open311("/services/childrens-safeguarding-referral.xml");
        assertThat(restricted.status()).isEqualTo(404);
        assertOpen311Error(restricted, 404, "service_code childrens-safeguarding-referral was not found");
        assertThat(restrictedXml.status()).isEqualTo(404);
        Element errors = xml(restrictedXml);
        assertThat(errors.getTagName()).isEqualTo("errors");
        assertThat(childNames(child(errors, "error"))).containsExactly("code", "description");
        assertThat(child(child(errors, "error"), "code").getTextContent()).isEqualTo("404");
    }

    // ---- posting reports ---------------------------------------------------------------------------------------

    @Test
    void posting_needs_a_valid_api_key_answered_in_open311s_error_format() {
        HubClient.Response noKey = post("/requests.json", Map.of("service_code", "pothole", "lat", "50.9",
                "long", "-1.4", "attribute[surface]", "road"));
        HubClient.Response wrongKey = post("/requests.xml", Map.of("api_key", "not-the-key", "service_code", "pothole",
                "lat", "50.9", "long", "-1.4", "attribute[surface]", "road"));

        assertThat(noKey.status()).isEqualTo(401);
        assertOpen311Error(noKey, 401, "api_key is missing or not valid");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.contentType()).startsWith("text/xml");
        Element error = child(xml(wrongKey), "error");
        assertThat(child(error, "code").getTextContent()).isEqualTo("401");
        assertThat(child(error, "description").getTextContent()).isEqualTo("api_key is missing or not valid");
    }

    @Test
    void a_wrong_or_missing_answer_is_refused_naming_the_attribute() {
        HubClient.Response wrong = post("/requests.json", report("pothole", "attribute[surface]", "motorway"));
        HubClient.Response missing = post("/requests.xml", report("pothole"));
        HubClient.Response noPlace = post("/requests.json", Map.of("api_key", DEMO_KEY, "service_code", "pothole",
                "attribute[surface]", "road"));

        assertThat(wrong.status()).isEqualTo(400);
        assertOpen311Error(wrong, 400, "attribute[surface] must be one of road, pavement, cycle-path");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(child(child(xml(missing), "error"), "description").getTextContent()).startsWith("attribute[surface] is required");
        assertThat(noPlace.status()).isEqualTo(400);
        assertThat(noPlace.json().get(0).get("description").asText())
                .isEqualTo("lat and long, address_string or address_id must be provided");
    }

    @Test
    void an_anonymous_report_goes_on_a_provisional_record_of_its_own() {
        HubClient.Response created = post("/requests.json", report("fly-tipping", "attribute[size]", "van",
                "attribute[hazardous]", "no", "attribute[waste_types][]", "furniture", "description", "Sofa dumped in the lane"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode receipt = created.json().get(0);
        assertThat(fieldNames(receipt)).containsExactly("service_request_id", "service_notice", "account_id");
        String serviceRequestId = receipt.get("service_request_id").asText();
        String customerId = customerOf(serviceRequestId);
        List<Object> events = eventsOf(customerId);
        assertThat(events).first().isInstanceOfSatisfying(CustomerRegistered.class,
                registered -> assertThat(registered.provisional()).isTrue());
        assertThat(events).filteredOn(ServiceRequestRaised.class::isInstance).singleElement()
                .isInstanceOfSatisfying(ServiceRequestRaised.class, raised -> {
                    assertThat(raised.serviceRequestId()).isEqualTo(serviceRequestId);
                    assertThat(raised.personal().attributes()).containsEntry("waste_types", "furniture")
                            .containsEntry("size", "van");
                });
        assertThat(events).filteredOn(ContactRecorded.class::isInstance).singleElement()
                .extracting("channel").hasToString("WEB");
        JsonNode view = hub.get("/console/customers/" + customerId + "?awaitPosition=" + positionOf(customerId), agent()).json();
        assertThat(view.get("provisional").asBoolean()).as("staff see the record is provisional").isTrue();
        assertThat(view.get("openServiceRequests").toString()).contains(serviceRequestId);

        String secondId = post("/requests.json", report("fly-tipping", "attribute[size]", "van", "attribute[hazardous]", "no"))
                .json().get(0).get("service_request_id").asText();
        assertThat(customerOf(secondId)).as("another anonymous report, another provisional record").isNotEqualTo(customerId);
    }

    @Test
    void a_reporter_matched_by_e_mail_has_the_report_on_their_own_record_and_a_shared_e_mail_gets_a_provisional_one() {
        String agent = agent();
        String email = "reporter-" + UUID.randomUUID() + "@example.org";
        JsonNode registered = hub.post("/console/customers", agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Reporter\","
                + "\"email\":\"" + email + "\"}").json();
        String customerId = registered.get("customerId").asText();
        hub.get("/console/customers/" + customerId + "?awaitPosition=" + registered.get("position").asLong(), agent);

        String serviceRequestId = post("/requests.json", report("pothole", "attribute[surface]", "road", "email", email.toUpperCase(),
                "first_name", "Someone", "last_name", "Else")).json().get(0).get("service_request_id").asText();

        assertThat(customerOf(serviceRequestId)).isEqualTo(customerId);
        JsonNode view = hub.get("/console/customers/" + customerId + "?awaitPosition=" + positionOf(customerId), agent).json();
        assertThat(view.get("openServiceRequests").toString()).contains(serviceRequestId);
        assertThat(view.has("provisional")).isFalse();

        JsonNode housemate = hub.post("/console/customers", agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Housemate\","
                + "\"email\":\"" + email + "\"}").json();
        hub.get("/console/customers/" + housemate.get("customerId").asText() + "?awaitPosition="
                + housemate.get("position").asLong(), agent);
        String sharedId = post("/requests.json", report("pothole", "attribute[surface]", "road", "email", email))
                .json().get(0).get("service_request_id").asText();
        String provisional = customerOf(sharedId);
        assertThat(provisional).isNotIn(customerId, housemate.get("customerId").asText());
        assertThat(eventsOf(provisional)).first().isInstanceOfSatisfying(CustomerRegistered.class,
                record -> assertThat(record.provisional()).isTrue());
    }

    @Test
    void a_report_sent_again_with_the_same_idempotency_key_is_the_same_request_and_another_report_under_it_a_conflict() {
        String key = "fms-" + UUID.randomUUID();
        Map<String, String> form = report("pothole", "attribute[surface]", "road", "attribute[depth_cm]", "12");

        String first = post("/requests.json", form, "Idempotency-Key", key).json().get(0).get("service_request_id").asText();
        String again = post("/requests.json", form, "Idempotency-Key", key).json().get(0).get("service_request_id").asText();
        HubClient.Response other = post("/requests.json", report("pothole", "attribute[surface]", "pavement"),
                "Idempotency-Key", key);

        assertThat(again).isEqualTo(first);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get(0).get("code").asInt()).isEqualTo(409);
    }

    // ---- reading requests ----------------------------------------------------------------------------------------

    @Test
    void requests_are_found_by_id_service_status_and_dates_in_json_and_xml() {
        String pothole = raise(report("pothole", "attribute[surface]", "road", "description", "Hole by the bus stop",
                "address_string", "Bus stop, Above Bar Street", "media_url", "https://photos.example.org/hole.jpg",
                "email", "private-" + UUID.randomUUID() + "@example.org", "first_name", "Private", "phone", "07700 900777"));
        String bin = raise(report("missed-bin", "attribute[bin_type]", "recycling"));

        JsonNode byId = open311("/requests/" + pothole + ".json").json();
        assertThat(byId).hasSize(1);
        assertThat(fieldNames(byId.get(0))).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(byId.get(0).get("status").asText()).isEqualTo("open");
        assertThat(byId.get(0).get("address").asText()).isEqualTo("Bus stop, Above Bar Street");
        assertThat(byId.get(0).get("media_url").asText()).isEqualTo("https://photos.example.org/hole.jpg");
        assertThat(byId.toString()).doesNotContain("Private", "private-", "7700");
        Element xml = xml(open311("/requests/" + pothole + ".xml"));
        assertThat(xml.getTagName()).isEqualTo("service_requests");
        assertThat(childNames(child(xml, "request"))).containsExactlyElementsOf(REQUEST_FIELDS);

        assertThat(ids(open311("/requests.json?service_code=pothole").json())).contains(pothole).doesNotContain(bin);
        assertThat(ids(open311("/requests.json?service_code=pothole,missed-bin&status=open").json())).contains(pothole, bin);
        assertThat(ids(open311("/requests.json?status=closed").json())).doesNotContain(pothole, bin);
        assertThat(ids(open311("/requests.json?service_request_id=" + pothole + "," + bin).json())).containsExactlyInAnyOrder(pothole, bin);
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(ids(open311("/requests.json?start_date=" + tomorrow).json())).isEmpty();
        assertThat(childNames(xml(open311("/requests.xml?service_code=missed-bin")))).contains("request");

        HubClient.Response tooLong = open311("/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get(0).get("description").asText()).startsWith("end_date must be at most 90 days");

        JsonNode token = open311("/tokens/" + pothole + ".json").json().get(0);
        assertThat(fieldNames(token)).containsExactly("service_request_id", "token");
        assertOpen311Error(open311("/requests/sr-unknown.json"), 404, "service_request_id sr-unknown was not found");
    }

    @Test
    void a_description_with_characters_xml_cannot_hold_is_still_answered_as_well_formed_xml() {
        String serviceRequestId = raise(report("pothole", "attribute[surface]", "road",
                "description", "Pothole\u0001 near <the> \"school\" & shops"));

        Element request = child(xml(open311("/requests/" + serviceRequestId + ".xml")), "request");

        assertThat(child(request, "description").getTextContent()).isEqualTo("Pothole near <the> \"school\" & shops");
    }

    @Test
    void a_safeguarding_referral_or_a_private_matter_never_appears_in_open311() {
        String agent = agent();
        String customerId = hub.post("/console/customers", agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Concerned\"}")
                .json().get("customerId").asText();
        JsonNode receipt = hub.post("/console/customers/" + customerId + "/service-requests", agent, """
                {"channel":"PHONE","serviceCode":"childrens-safeguarding-referral","description":"Worried about a child next door",
                 "attributes":{"immediate_risk":"no","relationship":"member-of-public"},"location":{"postcode":"SO14 7LY"}}""").json();
        String referral = receipt.get("serviceRequestId").asText();
        String councilTax = hub.post("/portal/me/service-requests", newResident(), """
                {"serviceCode":"council-tax-change","description":"Moving in with my partner at 12 Example Street",
                 "attributes":{"change_type":"moving-in","effective_date":"2026-03-01T00:00:00Z"},
                 "location":{"postcode":"SO14 7LY"}}""").json().get("serviceRequestId").asText();
        String pothole = raise(report("pothole", "attribute[surface]", "road"));

        assertThat(ids(open311("/requests.json").json())).contains(pothole).doesNotContain(referral, councilTax);
        assertThat(open311("/requests/" + councilTax + ".json").status()).as("a private matter is never published").isEqualTo(404);
        assertThat(open311("/requests/" + referral + ".json").status()).isEqualTo(404);
        assertThat(open311("/requests.json?service_code=childrens-safeguarding-referral").json()).isEmpty();
        HubClient.Response posted = post("/requests.json", report("childrens-safeguarding-referral",
                "attribute[immediate_risk]", "no", "attribute[relationship]", "other"));
        assertThat(posted.status()).isEqualTo(404);
    }

    @Test
    void a_providers_status_update_shows_in_servicerequestupdates_and_closes_the_request() {
        String serviceRequestId = raise(report("pothole", "attribute[surface]", "road"));
        String customerId = customerOf(serviceRequestId);
        Instant fixedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String updateId = "upd-" + UUID.randomUUID();

        append(customerId, new ServiceRequestRouted(customerId, serviceRequestId, "pothole", "highways-partner",
                new RoutingDecision("default", 1, 1, Map.of()), Visibility.RESIDENT_VISIBLE, null));
        append(customerId, new ServiceRequestStatusUpdated(customerId, serviceRequestId, "highways-partner", updateId,
                ServiceRequestStatus.FIXED, "HW-DONE", fixedAt, new StatusNote("Filled and sealed")));

        JsonNode update = eventually(() -> find(open311("/servicerequestupdates.json").json(), "update_id", updateId));
        assertThat(fieldNames(update)).containsExactlyElementsOf(UPDATE_FIELDS);
        assertThat(update.get("service_request_id").asText()).isEqualTo(serviceRequestId);
        assertThat(update.get("status").asText()).isEqualTo("fixed");
        assertThat(update.get("updated_datetime").asText()).isEqualTo(fixedAt.toString());
        assertThat(update.get("description").asText()).isEqualTo("Filled and sealed");
        assertThat(update.get("external_status_code").asText()).isEqualTo("HW-DONE");
        Element updates = xml(open311("/servicerequestupdates.xml?start_date=" + fixedAt.minusSeconds(60)
                + "&end_date=" + fixedAt.plusSeconds(60)));
        assertThat(updates.getTagName()).isEqualTo("service_request_updates");
        Element xmlUpdate = children(updates).stream()
                .filter(element -> child(element, "update_id").getTextContent().equals(updateId)).findFirst().orElseThrow();
        assertThat(xmlUpdate.getTagName()).isEqualTo("request_update");
        assertThat(childNames(xmlUpdate)).containsExactlyElementsOf(UPDATE_FIELDS);

        JsonNode request = open311("/requests/" + serviceRequestId + ".json").json().get(0);
        assertThat(request.get("status").asText()).isEqualTo("closed");
        assertThat(request.get("status_notes").asText()).isEqualTo("Filled and sealed");
        assertThat(request.get("agency_responsible").asText()).isEqualTo("Highways Partner");
        assertThat(request.get("expected_datetime").isNull()).isFalse();
        assertThat(ids(open311("/requests.json?status=closed&service_code=pothole").json())).contains(serviceRequestId);
    }

    @Test
    void replaying_the_open311_processor_rebuilds_the_public_index_from_the_events() {
        String serviceRequestId = raise(report("pothole", "attribute[surface]", "road", "description", "Rebuilt from events"));
        database.getCollection("open311_requests").updateOne(Filters.eq("_id", serviceRequestId),
                Updates.set("description", "changed behind the hub's back"));
        assertThat(open311("/requests/" + serviceRequestId + ".json").json().get(0).get("description").asText())
                .isEqualTo("changed behind the hub's back");
        String admin = token("staff:admin-" + UUID.randomUUID(), "ADMIN", null);

        HubClient.Response replay = hub.post("/admin/processors/open311-requests/replay", admin, "");

        assertThat(replay.status()).isEqualTo(202);
        eventually(() -> {
            HubClient.Response found = open311("/requests/" + serviceRequestId + ".json");
            return found.status() == 200 && found.json().get(0).get("description").asText().equals("Rebuilt from events")
                    ? found : null;
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A report of {@code serviceCode} at a point, with the demo key and the extra name/value pairs given. */
    static Map<String, String> report(String serviceCode, String... extra) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("api_key", DEMO_KEY, "service_code", serviceCode,
                "lat", "50.9097", "long", "-1.4044"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            form.put(extra[i], extra[i + 1]);
        }
        return form;
    }

    /** Posts a report and waits until the public index shows it; answers its id. */
    String raise(Map<String, String> form) {
        HubClient.Response created = post("/requests.json", form);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get(0).get("service_request_id").asText();
        eventually(() -> open311("/requests/" + id + ".json").status() == 200 ? id : null);
        return id;
    }

    HubClient.Response open311(String path) {
        return hub.get("/open311/v2" + path, null);
    }

    HubClient.Response post(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/open311/v2" + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HubClient.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The customer whose record holds the service request (the hub's claim of the request id). */
    String customerOf(String serviceRequestId) {
        String owner = uniqueKeys.ownerOf(KeyNamespaces.SERVICE_REQUEST, serviceRequestId).orElseThrow();
        return owner.substring(0, owner.indexOf('|'));
    }

    List<Object> eventsOf(String customerId) {
        List<Object> events = new ArrayList<>();
        eventStore.readEvents(customerId).asStream().forEach(event -> events.add(event.getPayload()));
        return events;
    }

    long positionOf(String customerId) {
        return eventStore.lastSequenceNumberFor(customerId).orElseThrow();
    }

    /** Appends an event to a customer's record as the router or a provider's update would. */
    void append(String customerId, Object event) {
        long next = eventStore.lastSequenceNumberFor(customerId).orElse(-1L) + 1;
        eventStore.publish(new GenericDomainEventMessage<>("Customer", customerId, next, event,
                MetaData.with(Provenance.ORGANISATION, Provenance.DEFAULT_ORGANISATION)));
    }

    static <T> T eventually(Supplier<T> probe) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not seen within 15 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static void assertOpen311Error(HubClient.Response response, int code, String description) {
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode errors = response.json();
        assertThat(errors.isArray()).isTrue();
        assertThat(fieldNames(errors.get(0))).containsExactly("code", "description");
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(code);
        assertThat(errors.get(0).get("description").asText()).isEqualTo(description);
    }

    static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode entry : list) {
            if (entry.get(field) != null && entry.get(field).asText().equals(value)) {
                return entry;
            }
        }
        return null;
    }

    static List<String> ids(JsonNode requests) {
        List<String> ids = new ArrayList<>();
        requests.forEach(request -> ids.add(request.get("service_request_id").asText()));
        return ids;
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        Iterator<String> fields = object.fieldNames();
        fields.forEachRemaining(names::add);
        return names;
    }

    static Element xml(HubClient.Response response) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not XML (" + response.status() + "): " + response.body(), e);
        }
    }

    static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    static List<String> childNames(Element parent) {
        return children(parent).stream().map(Element::getTagName).toList();
    }

    static Element child(Element parent, String name) {
        return children(parent).stream().filter(element -> element.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">"));
    }
}
