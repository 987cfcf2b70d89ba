package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the machine channels' tests share: tokens of channel systems (minted like {@link #token}, with the CHANNEL role
 * and a {@code channel} claim), customers registered by an agent and awaited in the single view, unique contact points
 * (every test shares one hub), and waiting for the queues of unattributed contacts.
 */
abstract class ChannelHubTest extends HubApplicationTest {
    private static final AtomicInteger NUMBERS = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

    /** A channel system's token: role CHANNEL, subject {@code client}, the channels it may submit on. */
    String machine(String client, String... channels) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("http://localhost")
                .subject(client)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(600))
                .claim("roles", List.of("CHANNEL"))
                .claim("channel", List.of(channels))
                .claim("organisation", "council")
                .build();
        return jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    String telephony() {
        return machine("test-telephony", "PHONE", "IVR");
    }

    String mailGateway() {
        return machine("test-mail-gateway", "EMAIL");
    }

    String webchat() {
        return machine("test-webchat", "WEBCHAT");
    }

    String socialFeed() {
        return machine("test-social-listening", "SOCIAL");
    }

    String partnerSystem() {
        return machine("test-partner-referrals", "PARTNER_REFERRAL");
    }

    /** A UK mobile number no other test uses, as a person would write it. */
    static String uniquePhone() {
        return String.format("07%03d %06d", 700 + NUMBERS.get() % 300, NUMBERS.incrementAndGet() % 1_000_000);
    }

    static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Registers a customer (the body of POST /console/customers) and waits until the single view shows them. */
    String registered(String agent, String registration) {
        HubClient.Response response = hub.post("/console/customers", agent, registration);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode receipt = response.json();
        String customerId = receipt.get("customerId").asText();
        view(agent, customerId, receipt.get("position").asLong());
        return customerId;
    }

    /** The single view, once it shows {@code position}. */
    JsonNode view(String agent, String customerId, long position) {
        JsonNode view = hub.get("/console/customers/" + customerId + "?awaitPosition=" + position, agent).json();
        assertThat(view.get("position").asLong()).as("the view of %s reached %d", customerId, position).isGreaterThanOrEqualTo(position);
        return view;
    }

    /** The newest entry of a customer's timeline once the view shows the receipt's position. */
    JsonNode newestEntry(String agent, JsonNode receipt) {
        return view(agent, receipt.get("customerId").asText(), receipt.get("position").asLong()).get("recentEntries").get(0);
    }

    /** An unattributed contact as staff see it, once its record reached {@code position}. */
    JsonNode unattributed(String agent, String contactId, long position) {
        HubClient.Response response = hub.get("/console/unattributed-contacts/" + contactId + "?awaitPosition=" + position, agent);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode contact = response.json();
        assertThat(contact.get("position").asLong()).isGreaterThanOrEqualTo(position);
        return contact;
    }

    /** Waits (a few seconds at most) until a queue page satisfies {@code condition}, and answers it. */
    JsonNode queueUntil(String agent, String path, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        JsonNode page = hub.get(path, agent).json();
        while (!condition.test(page) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            page = hub.get(path, agent).json();
        }
        return page;
    }

    static List<String> contactIds(JsonNode queuePage) {
        return queuePage.get("entries").findValuesAsText("contactId");
    }

    static void assertProblem(HubClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
    }
}
