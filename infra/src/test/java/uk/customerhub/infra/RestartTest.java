package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The default, file-backed run keeps every customer across a normal stop and start. */
class RestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void customers_survive_a_stop_and_start_of_the_file_backed_hub() {
        String customerId;
        long position;
        try (ConfigurableApplicationContext hub = start()) {
            HubClient client = new HubClient(portOf(hub));
            String bob = client.tokenFor("bob", "bob-demo");
            JsonNode receipt = client.post("/portal/me/contacts", bob, """
                    {"type":"FEEDBACK","summary":"The new library opening hours are great"}""").json();
            customerId = receipt.get("customerId").asText();
            position = receipt.get("position").asLong();
            assertThat(client.get("/portal/me?awaitPosition=" + position, bob).json().get("position").asLong()).isEqualTo(position);
        }

        try (ConfigurableApplicationContext hub = start()) {
            HubClient client = new HubClient(portOf(hub));
            String bob = client.tokenFor("bob", "bob-demo");
            JsonNode record = client.get("/portal/me", bob).json();
            assertThat(record.get("customerId").asText()).isEqualTo(customerId);
            assertThat(record.get("position").asLong()).isEqualTo(position);
            assertThat(record.get("recentEntries").get(0).get("summary").asText()).isEqualTo("The new library opening hours are great");
            JsonNode again = client.post("/portal/me/contacts", bob, """
                    {"type":"ENQUIRY","summary":"Is the library open on bank holidays?"}""").json();
            assertThat(again.get("customerId").asText()).isEqualTo(customerId);
            assertThat(again.get("position").asLong()).isEqualTo(position + 1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CustomerHubApplication.class).run(
                "--server.port=0",
                "--hub.mongo.embedded=FILE",
                "--hub.mongo.data-directory=" + dataDirectory,
                "--hub.security.dev-authorization-server.issuer=http://localhost");
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
