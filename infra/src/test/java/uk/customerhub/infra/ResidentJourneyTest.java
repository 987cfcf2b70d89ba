package uk.customerhub.infra;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.Viewer;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A resident signs in, reports a missed bin and sees it on their record — and reaches no one else's. */
@AutoConfigureObservability
class ResidentJourneyTest extends HubApplicationTest {

    @Autowired
    QueryGateway queries;

    private static final String MISSED_BIN = """
            {"serviceCode":"missed-bin","description":"Grey bin not collected on Tuesday",
             "attributes":{"bin_type":"general-waste"},
             "location":{"postcode":"so14 7ly","description":"12 Example Street"}}""";

    @Test
    void a_resident_reports_a_missed_bin_and_sees_it_on_their_record() {
        String resident = newResident();

        HubClient.Response raised = hub.post("/portal/me/service-requests", resident, MISSED_BIN);

        assertThat(raised.status()).isEqualTo(201);
        JsonNode receipt = raised.json();
        String serviceRequestId = receipt.get("serviceRequestId").asText();
        JsonNode record = hub.get("/portal/me?awaitPosition=" + receipt.get("position").asLong(), resident).json();
        assertThat(record.get("customerId").asText()).isEqualTo(receipt.get("customerId").asText());
        assertThat(record.get("position").asLong()).isGreaterThanOrEqualTo(receipt.get("position").asLong());
        assertThat(record.get("openServiceRequests")).extracting(request -> request.get("serviceRequestId").asText())
                .containsExactly(serviceRequestId);
        assertThat(record.get("contactsByChannel").get("WEB").asLong()).isEqualTo(1);
        assertThat(record.get("recentEntries")).extracting(entry -> entry.get("kind").asText())
                .containsExactly("SERVICE_REQUEST", "CONTACT");
        assertThat(record.get("recentEntries").get(1).get("type").asText()).isEqualTo("SERVICE_REQUEST");
        assertThat(record.get("recentEntries").get(1).get("recordedBy").get("kind").asText()).isEqualTo("SELF_SERVICE");
        assertThat(record.get("recentEntries").get(0).get("location").get("postcode").asText()).isEqualTo("SO14 7LY");
    }

    @Test
    void a_retried_contact_is_recorded_once_and_answers_the_first_receipt() {
        String resident = newResident();
        String body = """
                {"type":"COMPLIMENT","summary":"Thank you for fixing the street light so quickly"}""";

        HubClient.Response first = hub.post("/portal/me/contacts", resident, body, "Idempotency-Key", "retry-1");
        HubClient.Response retry = hub.post("/portal/me/contacts", resident, body, "Idempotency-Key", "retry-1");
        HubClient.Response clash = hub.post("/portal/me/contacts", resident,
                body.replace("quickly", "slowly"), "Idempotency-Key", "retry-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.isProblem()).isTrue();
        JsonNode timeline = hub.get("/portal/me/timeline?awaitPosition=" + first.json().get("position").asLong(), resident).json();
        assertThat(timeline.get("totalEntries").asLong()).isEqualTo(1);
    }

    @Test
    void two_parallel_first_calls_of_a_new_resident_make_one_customer() throws Exception {
        String resident = newResident();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<String> firstCall = () -> {
                HubClient.Response response = hub.get("/portal/me", resident);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                return response.json().get("customerId").asText();
            };
            List<Future<String>> calls = pool.invokeAll(List.of(firstCall, firstCall, firstCall, firstCall,
                    firstCall, firstCall, firstCall, firstCall));
            Set<String> customerIds = new HashSet<>();
            for (Future<String> call : calls) {
                customerIds.add(call.get());
            }
            assertThat(customerIds).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_resident_reaches_only_their_own_record() {
        String alice = newResident();
        String bob = newResident();
        JsonNode aliceReceipt = hub.post("/portal/me/contacts", alice,
                """
                {"type":"ENQUIRY","summary":"When is my council tax due?"}""").json();
        JsonNode bobRecord = hub.get("/portal/me", bob).json();
        String aliceId = aliceReceipt.get("customerId").asText();
        String bobId = bobRecord.get("customerId").asText();
        String bobSubject = subjectOf(bob);

        assertThat(bobId).isNotEqualTo(aliceId);
        assertThat(hub.get("/portal/me/timeline?awaitPosition=0", bob).json().get("totalEntries").asLong()).isZero();
        // the staff API is closed to residents, so no customer id in a path can reach another record
        assertThat(hub.get("/console/customers/" + aliceId, bob).status()).isEqualTo(403);
        // and the query itself refuses: asked for Alice's record as Bob, it answers nothing — even after waiting
        Optional<CustomerView> asBob = queries.query(
                new FetchCustomerView(aliceId, Viewer.resident(bobSubject), aliceReceipt.get("position").asLong()),
                ResponseTypes.optionalInstanceOf(CustomerView.class)).join();
        Optional<CustomerView> asAlice = queries.query(
                new FetchCustomerView(aliceId, Viewer.resident(subjectOf(alice)), aliceReceipt.get("position").asLong()),
                ResponseTypes.optionalInstanceOf(CustomerView.class)).join();
        assertThat(asBob).isEmpty();
        assertThat(asAlice).isPresent();
    }

    @Test
    void a_resident_filters_their_timeline_by_type() {
        String resident = newResident();
        hub.post("/portal/me/contacts", resident, """
                {"type":"COMPLIMENT","summary":"The bin crew were very helpful"}""");
        long position = hub.post("/portal/me/contacts", resident, """
                {"type":"ENQUIRY","summary":"When is the garden waste collection?"}""").json().get("position").asLong();

        JsonNode compliments = hub.get("/portal/me/timeline?type=COMPLIMENT&awaitPosition=" + position, resident).json();

        assertThat(compliments.get("entries")).extracting(entry -> entry.get("summary").asText())
                .containsExactly("The bin crew were very helpful");
        assertThat(hub.get("/portal/me/timeline?awaitPosition=" + position, resident).json().get("totalEntries").asLong())
                .isEqualTo(2);
    }

    @Test
    void a_resident_completes_their_profile_later() {
        String resident = newResident();
        assertThat(hub.get("/portal/me", resident).json().get("profile").path("name").has("familyName")).isFalse();

        HubClient.Response changed = hub.patch("/portal/me", resident, """
                {"givenName":"Ada","familyName":"Lovelace","phone":"07700 900123",
                 "address":{"lines":["1 Civic Centre Road"],"town":"Southampton","postcode":"SO14 7LY","uprn":"100060731234"}}""");

        assertThat(changed.status()).isEqualTo(200);
        JsonNode record = hub.get("/portal/me?awaitPosition=" + changed.json().get("position").asLong(), resident).json();
        assertThat(record.get("profile").get("name").get("familyName").asText()).isEqualTo("Lovelace");
        assertThat(record.get("profile").get("contactDetails").get("phone").asText()).isEqualTo("+447700900123");
        assertThat(record.get("identities")).extracting(identity -> identity.get("kind").asText())
                .contains("DIGITAL_ID", "PHONE");
    }

    private static String subjectOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return payload.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }
}
