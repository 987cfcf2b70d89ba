package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import uk.customerhub.api.ServiceRequestRaised;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service catalogue: seeded in the default run, managed by ADMIN staff, versioned; and every service request —
 * portal or console — checked against its service's definition, a wrong one refused as problem+json naming the
 * attribute, with nothing recorded.
 */
@AutoConfigureObservability
class ServiceCatalogueTest extends HubApplicationTest {

    @Autowired
    EventStore eventStore;

    private String admin() {
        return token("staff:admin-" + UUID.randomUUID(), "ADMIN", null);
    }

    @Test
    void the_default_run_seeds_a_council_catalogue_with_its_providers_and_routing_rules() {
        JsonNode services = hub.get("/admin/catalogue/services", admin()).json();
        List<String> codes = new ArrayList<>();
        services.forEach(service -> codes.add(service.get("serviceCode").asText()));

        assertThat(codes).contains("missed-bin", "fly-tipping", "pothole", "street-light-fault", "residents-parking-permit",
                "noise-nuisance", "housing-repair", "council-tax-change", "pest-control", "adult-social-care-referral",
                "childrens-safeguarding-referral");
        JsonNode pothole = hub.get("/admin/catalogue/services/pothole", admin()).json();
        assertThat(pothole.get("attributes").get(0).get("code").asText()).isEqualTo("surface");
        assertThat(pothole.get("attributes").get(0).get("datatype").asText()).isEqualTo("SINGLEVALUELIST");
        assertThat(hub.get("/admin/catalogue/services/pothole/routing-rules", admin()).json()
                .get("defaultProviderId").asText()).isEqualTo("highways-partner");
        assertThat(hub.get("/admin/catalogue/services/childrens-safeguarding-referral", admin()).json()
                .get("restrictedTo").asText()).isEqualTo("CHILDRENS_SAFEGUARDING");
        List<String> providers = new ArrayList<>();
        hub.get("/admin/catalogue/providers", admin()).json().forEach(p -> providers.add(p.get("providerId").asText()));
        assertThat(providers).contains("waste-operations", "highways-partner", "parking-services", "revenues-and-benefits",
                "housing-repairs", "environmental-health", "adult-social-care-front-door", "childrens-mash");
    }

    @Test
    void residents_and_agents_read_the_services_and_their_questions() {
        assertThat(hub.get("/portal/services", newResident()).json().get("services").findValuesAsText("serviceCode"))
                .contains("pothole", "missed-bin");
        JsonNode pothole = hub.get("/console/services/pothole", agent()).json();
        assertThat(pothole.get("attributes").findValuesAsText("code")).containsExactly("surface", "depth_cm", "width_cm");
        assertThat(hub.get("/portal/services/no-such-service", newResident()).status()).isEqualTo(404);
    }

    @Test
    void only_admin_staff_manage_the_catalogue() {
        assertThat(hub.get("/admin/catalogue/services", agent()).status()).isEqualTo(403);
        assertThat(hub.put("/admin/catalogue/providers/rogue", agent(),
                "{\"name\":\"Rogue\",\"kind\":\"PARTNER\",\"organisation\":\"Rogue Ltd\"}").status()).isEqualTo(403);
        assertThat(hub.get("/admin/catalogue/providers/rogue", admin()).status()).isEqualTo(404);
    }

    @Test
    void a_request_with_a_wrong_answer_is_refused_naming_the_attribute_and_records_nothing() {
        String resident = newResident();
        long before = hub.get("/portal/me", resident).json().get("position").asLong();

        HubClient.Response refused = hub.post("/portal/me/service-requests", resident, """
                {"serviceCode":"pothole","description":"Deep pothole","attributes":{"surface":"motorway","depth_cm":"12"},
                 "location":{"postcode":"SO14 7LY"}}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("attributes.surface");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("road, pavement, cycle-path");
        assertThat(hub.get("/portal/me", resident).json().get("position").asLong()).isEqualTo(before);
    }

    @Test
    void a_request_missing_a_required_answer_or_with_a_number_that_is_not_one_is_refused() {
        String customerId = hub.post("/console/customers", agent(), "{\"category\":\"RESIDENT\",\"familyName\":\"Marsh\"}")
                .json().get("customerId").asText();

        HubClient.Response missing = hub.post("/console/customers/" + customerId + "/service-requests", agent(), """
                {"channel":"PHONE","serviceCode":"street-light-fault","description":"Light out",
                 "attributes":{"fault":"out"},"location":{"postcode":"SO15 2JU"}}""");
        HubClient.Response notANumber = hub.post("/console/customers/" + customerId + "/service-requests", agent(), """
                {"channel":"PHONE","serviceCode":"pothole","description":"Deep pothole",
                 "attributes":{"surface":"road","depth_cm":"very deep"},"location":{"postcode":"SO15 2JU"}}""");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("attributes.column_number");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("errors").get(0).get("field").asText()).isEqualTo("attributes.depth_cm");
    }

    @Test
    void an_unknown_service_code_is_a_bad_request() {
        HubClient.Response refused = hub.post("/portal/me/service-requests", newResident(), """
                {"serviceCode":"bulky-waste","description":"Collect an old sofa","location":{"postcode":"SO14 7LY"}}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("serviceCode");
    }

    @Test
    void changing_a_service_makes_a_new_version_and_a_request_records_the_version_it_was_raised_against() {
        String code = "graffiti-" + UUID.randomUUID().toString().substring(0, 8);
        String graffiti = """
                {"serviceName":"Graffiti","description":"Graffiti on public property","group":"Streets and environment",
                 "keywords":["graffiti"],"responseWorkingDays":2,"resolutionWorkingDays":10,
                 "attributes":[{"code":"offensive","variable":true,"datatype":"SINGLEVALUELIST","required":true,"order":1,
                   "description":"Is it offensive?","values":[{"key":"yes","name":"Yes"},{"key":"no","name":"No"}]}]}""";
        assertThat(hub.put("/admin/catalogue/services/" + code, admin(), graffiti).json().get("version").asInt()).isEqualTo(1);
        assertThat(hub.put("/admin/catalogue/services/" + code, admin(), graffiti).json().get("version").asInt())
                .as("the same definition again changes nothing").isEqualTo(1);
        JsonNode second = hub.put("/admin/catalogue/services/" + code, admin(), graffiti.replace("Graffiti on public property",
                "Graffiti or fly-posting on public property")).json();
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(hub.put("/admin/catalogue/services/" + code + "/routing-rules", admin(),
                "{\"defaultProviderId\":\"waste-operations\"}").status()).isEqualTo(200);

        String resident = newResident();
        JsonNode receipt = hub.post("/portal/me/service-requests", resident, "{\"serviceCode\":\"" + code + "\","
                + "\"description\":\"Tags on the bus shelter\",\"attributes\":{\"offensive\":\"no\"},"
                + "\"location\":{\"postcode\":\"SO14 7LY\"}}").json();

        List<Object> raised = new ArrayList<>();
        eventStore.readEvents(receipt.get("customerId").asText()).asStream()
                .filter(event -> event.getPayload() instanceof ServiceRequestRaised)
                .forEach(event -> raised.add(event.getPayload()));
        assertThat(raised).singleElement().extracting("serviceVersion").isEqualTo(2);
        assertThat(hub.get("/admin/catalogue/services/" + code + "?version=1", admin()).json().get("description").asText())
                .isEqualTo("Graffiti on public property");
    }

    @Test
    void a_definition_that_breaks_the_rules_is_refused_naming_the_field() {
        HubClient.Response refused = hub.put("/admin/catalogue/services/broken", admin(), """
                {"serviceName":"Broken","description":"A list with no values","responseWorkingDays":2,"resolutionWorkingDays":10,
                 "attributes":[{"code":"kind","variable":true,"datatype":"SINGLEVALUELIST","required":true,"order":1,
                   "description":"Which kind?"}]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("values");
        assertThat(hub.get("/admin/catalogue/services/broken", admin()).status()).isEqualTo(404);
    }
}
