package uk.customerhub.infra.webhooks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.RecordDeliveryFailure;
import uk.customerhub.infra.eventstore.MutableClock;
import uk.customerhub.projections.routing.delivery.Deliveries;
import uk.customerhub.projections.routing.delivery.Delivery;
import uk.customerhub.projections.routing.delivery.DeliveryStatus;
import uk.customerhub.projections.routing.delivery.EndpointSecret;
import uk.customerhub.projections.routing.delivery.NewDelivery;
import uk.customerhub.projections.routing.delivery.WebhookEndpoint;
import uk.customerhub.projections.routing.delivery.WebhookEndpoints;
import uk.customerhub.projections.routing.delivery.WebhookPayloads;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhook delivery without the rest of the hub: the outbox and endpoints on an in-memory MongoDB-wire server, the
 * real sender and poller, a receiver on loopback, a clock the test moves, and a command bus that writes down the
 * failures the poller records on customer records.
 */
class WebhookDeliveryTest {
    private static MongoServer server;
    private static MongoClient client;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MongoDatabase database;
    private Deliveries deliveries;
    private WebhookEndpoints endpoints;
    private MutableClock clock;
    private TestReceiver receiver;
    private final List<RecordDeliveryFailure> failures = new CopyOnWriteArrayList<>();
    private CommandGateway commands;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        database = client.getDatabase("webhooks-" + UUID.randomUUID());
        deliveries = new Deliveries(database);
        endpoints = new WebhookEndpoints(database);
        // near real time: the library's verify allows five minutes either way of the wall clock
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        receiver = new TestReceiver();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(RecordDeliveryFailure.class.getName(), message -> {
            failures.add((RecordDeliveryFailure) message.getPayload());
            return null;
        });
        commands = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private WebhookDeliveryPoller poller(List<String> allowedNetworks) {
        WebhookProperties properties = new WebhookProperties(Duration.ofSeconds(1), 100, 2, Duration.ofSeconds(15),
                Duration.ofMinutes(2), allowedNetworks, Duration.ofHours(24));
        return new WebhookDeliveryPoller(deliveries, endpoints, new WebhookSender(new AddressGuard(allowedNetworks),
                properties.timeout()), commands, clock, properties);
    }

    private WebhookDeliveryPoller poller() {
        return poller(List.of("127.0.0.0/8"));
    }

    private EndpointSecret endpoint(String providerId, String url) {
        EndpointSecret secret = EndpointSecret.generate(RANDOM, clock.instant());
        endpoints.save(new WebhookEndpoint(providerId, url, List.of(secret), true, null, clock.instant(), false));
        return secret;
    }

    private String queue(String webhookId, String providerId) {
        deliveries.enqueue(new NewDelivery(webhookId, WebhookPayloads.ROUTED, "sr-1", "cust-1", "council", providerId,
                WebhookPayloads.routed(clock.instant(), "sr-1", "pothole", providerId, 1,
                        new Document("description", "Deep pothole").append("channel", "WEB"))), clock.instant());
        return webhookId;
    }

    private static Map<String, List<String>> headersOf(TestReceiver.Received request) {
        return request.headers();
    }

    @Nested
    class Signing {
        @Test
        void given_a_routed_request_when_delivered_then_the_provider_verifies_it_with_the_reference_library() throws Exception {
            EndpointSecret secret = endpoint("highways-partner", receiver.url("/hooks"));
            String webhookId = queue("msg_1", "highways-partner");

            poller().pollOnce();

            TestReceiver.Received request = receiver.received().get(0);
            assertThat(request.header("webhook-id")).isEqualTo(webhookId);
            assertThat(request.header("webhook-timestamp")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
            assertThat(request.header("webhook-signature")).startsWith("v1,");
            assertThat(request.header("content-type")).isEqualTo("application/json");
            new Webhook(secret.secret()).verify(request.body(), headersOf(request));
            assertThat(Document.parse(request.body()).getString("type")).isEqualTo("service_request.routed");
            assertThat(deliveries.find(webhookId).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(deliveries.due(clock.instant().plus(Duration.ofDays(30)), 10)).isEmpty();
        }

        @Test
        void given_a_tampered_body_or_another_secret_then_the_library_refuses_it() {
            endpoint("highways-partner", receiver.url("/hooks"));
            queue("msg_1", "highways-partner");

            poller().pollOnce();

            TestReceiver.Received request = receiver.received().get(0);
            String other = EndpointSecret.generate(RANDOM, clock.instant()).secret();
            assertThatThrownBy(() -> new Webhook(other).verify(request.body(), headersOf(request)))
                    .isInstanceOf(WebhookVerificationException.class);
        }

        @Test
        void given_a_rotation_then_both_secrets_sign_until_the_old_one_expires() throws Exception {
            EndpointSecret old = endpoint("highways-partner", receiver.url("/hooks"));
            EndpointSecret fresh = EndpointSecret.generate(RANDOM, clock.instant());
            WebhookEndpoint rotating = endpoints.find("highways-partner").orElseThrow()
                    .rotatedTo(fresh, clock.instant().plus(Duration.ofHours(1)), clock.instant());
            endpoints.save(rotating);
            queue("msg_1", "highways-partner");

            poller().pollOnce();

            TestReceiver.Received during = receiver.received().get(0);
            assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
            new Webhook(old.secret()).verify(during.body(), headersOf(during));
            new Webhook(fresh.secret()).verify(during.body(), headersOf(during));

            // the old secret expired a second ago: only the new one signs
            endpoints.save(endpoints.find("highways-partner").orElseThrow()
                    .rotatedTo(fresh, clock.instant().minusSeconds(1), clock.instant()));
            WebhookEndpoint after = endpoints.find("highways-partner").orElseThrow();
            assertThat(after.signingSecrets(clock.instant())).extracting(EndpointSecret::secret).containsExactly(fresh.secret());
        }
    }

    @Nested
    class Retries {
        @Test
        void given_a_provider_that_keeps_failing_then_attempts_follow_the_schedule_with_the_same_webhook_id_and_after_ten_it_gives_up() {
            endpoint("highways-partner", receiver.url("/hooks"));
            receiver.answerByDefault(request -> TestReceiver.Answer.status(503));
            String webhookId = queue("msg_1", "highways-partner");
            WebhookDeliveryPoller poller = poller();
            Instant start = clock.instant();
            List<Duration> waits = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                    Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20),
                    Duration.ofHours(24));

            poller.pollOnce();
            assertThat(receiver.received()).hasSize(1);
            List<Instant> attemptedAt = new ArrayList<>(List.of(start));
            for (Duration wait : waits) {
                clock.advance(wait.minusSeconds(1));
                poller.pollOnce();
                assertThat(receiver.received()).as("nothing before the wait of " + wait + " is over").hasSize(attemptedAt.size());
                clock.advance(Duration.ofSeconds(1));
                poller.pollOnce();
                assertThat(receiver.received()).as("an attempt once the wait of " + wait + " is over").hasSize(attemptedAt.size() + 1);
                attemptedAt.add(clock.instant());
            }

            assertThat(receiver.received()).extracting(request -> request.header("webhook-id")).containsOnly(webhookId).hasSize(10);
            Delivery delivery = deliveries.find(webhookId).orElseThrow();
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(delivery.attempts()).isEqualTo(10);
            assertThat(delivery.attemptLog()).extracting(attempt -> attempt.at()).containsExactlyElementsOf(attemptedAt);
            assertThat(delivery.attemptLog()).allSatisfy(attempt -> {
                assertThat(attempt.statusCode()).isEqualTo(503);
                assertThat(attempt.error()).isEqualTo("HTTP 503");
            });
            // a dead letter, and the failure recorded on the customer's record, once
            assertThat(deliveries.deadLetters(10)).extracting(letter -> letter.getString("_id")).containsExactly(webhookId);
            assertThat(failures).containsExactly(new RecordDeliveryFailure("cust-1", "sr-1", "highways-partner", webhookId,
                    10, "HTTP 503"));
            assertThat(delivery.failureRecorded()).isTrue();
            clock.advance(Duration.ofDays(7));
            poller.pollOnce();
            assertThat(receiver.received()).hasSize(10);
            assertThat(failures).hasSize(1);
        }

        @Test
        void given_a_retry_after_then_the_next_attempt_waits_for_it() {
            endpoint("highways-partner", receiver.url("/hooks"));
            receiver.answer(new TestReceiver.Answer(429, Map.of("Retry-After", "120"), ""));
            String webhookId = queue("msg_1", "highways-partner");
            WebhookDeliveryPoller poller = poller();

            poller.pollOnce();
            clock.advance(Duration.ofSeconds(119));
            poller.pollOnce();
            assertThat(receiver.received()).hasSize(1);
            clock.advance(Duration.ofSeconds(1));
            poller.pollOnce();

            assertThat(receiver.received()).hasSize(2);
            assertThat(deliveries.find(webhookId).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        }

        @Test
        void given_a_redirect_then_it_is_not_followed_and_counts_as_a_failed_attempt() {
            endpoint("highways-partner", receiver.url("/hooks"));
            receiver.answer(new TestReceiver.Answer(302, Map.of("Location", receiver.url("/elsewhere")), ""));
            String webhookId = queue("msg_1", "highways-partner");

            poller().pollOnce();

            assertThat(receiver.received()).extracting(TestReceiver.Received::path).containsExactly("/hooks");
            Delivery delivery = deliveries.find(webhookId).orElseThrow();
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(delivery.lastError()).contains("302").contains("not followed");
            assertThat(delivery.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(5));
        }

        @Test
        void given_a_dead_letter_when_admin_redelivers_then_it_is_sent_again_under_the_same_id_and_leaves_the_dead_letters() {
            endpoint("highways-partner", receiver.url("/hooks"));
            receiver.answerByDefault(request -> TestReceiver.Answer.status(500));
            String webhookId = queue("msg_1", "highways-partner");
            WebhookDeliveryPoller poller = poller();
            for (int attempt = 0; attempt < 10; attempt++) {
                poller.pollOnce();
                clock.advance(Duration.ofHours(25));
            }
            assertThat(deliveries.find(webhookId).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
            receiver.answerByDefault(request -> TestReceiver.Answer.status(200));

            deliveries.redeliver(webhookId, clock.instant());
            poller.pollOnce();

            assertThat(receiver.received()).hasSize(11).extracting(request -> request.header("webhook-id")).containsOnly(webhookId);
            assertThat(deliveries.find(webhookId).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(deliveries.find(webhookId).orElseThrow().attempts()).isEqualTo(11);
            assertThat(deliveries.deadLetters(10)).isEmpty();
        }
    }

    @Nested
    class Gone {
        @Test
        void given_a_410_then_the_endpoint_is_disabled_the_delivery_ends_staff_are_told_and_nothing_more_is_sent() {
            endpoint("highways-partner", receiver.url("/hooks"));
            receiver.answer(TestReceiver.Answer.status(410));
            String first = queue("msg_1", "highways-partner");
            WebhookDeliveryPoller poller = poller();

            poller.pollOnce();

            assertThat(endpoints.find("highways-partner").orElseThrow().enabled()).isFalse();
            assertThat(deliveries.find(first).orElseThrow().status()).isEqualTo(DeliveryStatus.ENDPOINT_DISABLED);
            assertThat(failures).extracting(RecordDeliveryFailure::webhookId).containsExactly(first);

            String second = queue("msg_2", "highways-partner");
            clock.advance(Duration.ofDays(3));
            poller.pollOnce();

            assertThat(receiver.received()).hasSize(1);
            assertThat(deliveries.find(second).orElseThrow().status()).isEqualTo(DeliveryStatus.ENDPOINT_DISABLED);
            assertThat(deliveries.find(second).orElseThrow().attempts()).isZero();
            assertThat(failures).extracting(RecordDeliveryFailure::webhookId).containsExactly(first, second);
            assertThat(deliveries.due(clock.instant().plus(Duration.ofDays(30)), 10)).isEmpty();
        }
    }

    @Nested
    class NoEndpoint {
        @Test
        void given_a_provider_with_no_endpoint_then_the_delivery_gives_up_at_once_and_staff_are_told() {
            String webhookId = queue("msg_1", "highways-partner");

            poller().pollOnce();

            Delivery delivery = deliveries.find(webhookId).orElseThrow();
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.lastError()).isEqualTo("provider highways-partner has no webhook endpoint");
            assertThat(failures).extracting(RecordDeliveryFailure::webhookId).containsExactly(webhookId);
            assertThat(deliveries.deadLetters(10)).extracting(letter -> letter.getString("_id")).containsExactly(webhookId);
            assertThat(deliveries.due(clock.instant().plus(Duration.ofDays(30)), 10)).isEmpty();
        }
    }

    @Nested
    class ServerSideRequestForgery {
        @Test
        void given_no_allow_list_when_the_endpoint_is_on_loopback_then_nothing_is_sent_and_the_attempt_says_refused() {
            endpoint("highways-partner", receiver.url("/hooks"));
            String webhookId = queue("msg_1", "highways-partner");

            poller(List.of()).pollOnce();

            assertThat(receiver.received()).isEmpty();
            Delivery delivery = deliveries.find(webhookId).orElseThrow();
            assertThat(delivery.attemptLog()).hasSize(1);
            assertThat(delivery.attemptLog().get(0).statusCode()).isNull();
            assertThat(delivery.lastError()).startsWith("refused: 127.0.0.1 resolves to an internal address");
        }

        @Test
        void given_a_host_name_that_resolves_to_loopback_then_it_is_refused_at_send_time() {
            endpoint("highways-partner", "http://localhost:" + receiver.port() + "/hooks");
            String webhookId = queue("msg_1", "highways-partner");

            poller(List.of()).pollOnce();

            assertThat(receiver.received()).isEmpty();
            assertThat(deliveries.find(webhookId).orElseThrow().lastError()).startsWith("refused: localhost resolves to an internal address");
        }

        @Test
        void internal_addresses_are_refused_unless_allowed_and_public_ones_pass() throws UnknownHostException {
            AddressGuard guard = new AddressGuard(List.of());
            for (String url : List.of("http://127.0.0.1/x", "http://10.1.2.3/x", "http://172.16.0.1/x", "http://192.168.1.1/x",
                    "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://[fd00::1]/x", "http://[fe80::1]/x",
                    "http://0.0.0.0/x", "http://100.64.0.1/x", "http://[::ffff:10.0.0.1]/x")) {
                assertThat(guard.problemWithUrl(URI.create(url))).as(url).contains("internal address");
            }
            assertThat(guard.problemWithUrl(URI.create("https://93.184.216.34/hooks"))).isNull();
            assertThat(guard.problemWithUrl(URI.create("ftp://93.184.216.34/hooks"))).contains("http");
            assertThat(guard.problemWithUrl(URI.create("https://user:pw@93.184.216.34/hooks"))).contains("credentials");

            AddressGuard allowing = new AddressGuard(List.of("127.0.0.0/8", "10.20.0.0/16"));
            assertThat(allowing.permitted(InetAddress.getByName("127.0.0.1"))).isTrue();
            assertThat(allowing.permitted(InetAddress.getByName("10.20.5.5"))).isTrue();
            assertThat(allowing.permitted(InetAddress.getByName("10.21.0.1"))).isFalse();
            assertThat(allowing.permitted(InetAddress.getByName("::1"))).isFalse();
        }
    }
}
