package uk.customerhub.infra;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What operations staff rely on: health probes, Prometheus metrics including Axon's, and the OpenAPI description. */
@AutoConfigureObservability
class OperationsTest extends HubApplicationTest {

    @Test
    void liveness_and_readiness_are_up() {
        assertThat(hub.get("/actuator/health/liveness", null).json().get("status").asText()).isEqualTo("UP");
        assertThat(hub.get("/actuator/health/readiness", null).json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readiness_includes_the_lag_of_the_projections_for_admins() {
        String admin = token("staff:ada", "ADMIN", null);
        hub.post("/console/customers", agent(), """
                {"category":"RESIDENT","givenName":"Lag","familyName":"Check"}""");

        com.fasterxml.jackson.databind.JsonNode readiness = hub.get("/actuator/health/readiness", admin).json();

        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.get("components").get("projections").get("details").get("customer-view").has("lagEvents")).isTrue();
        assertThat(readiness.get("components").get("projections").get("details").get("headPosition").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void admins_see_processors_and_dead_letters_and_nobody_else_does() {
        String admin = token("staff:ada", "ADMIN", null);

        HubClient.Response processors = hub.get("/admin/processors", admin);
        HubClient.Response deadLetters = hub.get("/admin/dead-letters/customer-view", admin);

        assertThat(processors.json()).extracting(processor -> processor.get("name").asText()).contains("customer-view");
        assertThat(deadLetters.json().get("group").asText()).isEqualTo("customer-view");
        assertThat(deadLetters.json().has("counts")).isTrue();
        assertThat(hub.get("/admin/dead-letters/customer-view", agent()).status()).isEqualTo(403);
        assertThat(hub.get("/admin/dead-letters/no-such-group", admin).status()).isEqualTo(404);
    }

    @Test
    void prometheus_shows_axon_command_metrics() {
        hub.post("/console/customers", agent(), """
                {"category":"VISITOR","givenName":"Metric","familyName":"Visitor"}""");

        String metrics = hub.get("/actuator/prometheus", null).body();

        assertThat(metrics).contains("commandBus_allTimer_seconds_count{payloadType=\"RegisterCustomer\"}");
    }

    @Test
    void every_endpoint_is_described_in_openapi_with_the_bearer_scheme() {
        HubClient.Response docs = hub.get("/v3/api-docs", null);

        assertThat(docs.json().get("components").get("securitySchemes").has("bearer")).isTrue();
        assertThat(docs.json().get("paths").has("/portal/me/service-requests")).isTrue();
        assertThat(docs.json().get("paths").has("/console/customers/{customerId}/contacts")).isTrue();
    }
}
