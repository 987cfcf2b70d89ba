package uk.customerhub.infra;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A whole hub started with {@link SpringApplicationBuilder} (as {@link RestartTest} does), plus test-only sources such
 * as event-handler probes, and what tests need to look inside it: beans, the database, tokens, processor progress.
 * <p>
 * Extra sources are registered explicitly, never by a stereotype annotation: the application scans
 * {@code uk.customerhub}, test classes included, so a {@code @Configuration} in the test tree would leak into every
 * other test's context.
 */
final class RunningHub implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ConfigurableApplicationContext context;
    final HubClient client;

    private RunningHub(ConfigurableApplicationContext context) {
        this.context = context;
        this.client = new HubClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /** Starts the hub with {@code sources} beside the application, on a free port, with the dev token endpoint. */
    static RunningHub start(List<Class<?>> sources, String... arguments) {
        List<Object> all = new ArrayList<>();
        all.add(CustomerHubApplication.class);
        all.addAll(sources);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--hub.security.dev-authorization-server.issuer=http://localhost",
                "--axoniq.update-checker.disabled=true"));
        args.addAll(List.of(arguments));
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new RunningHub(new SpringApplicationBuilder(all.toArray(Class<?>[]::new)).run(args.toArray(String[]::new)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    MongoDatabase database() {
        return bean(MongoDatabase.class);
    }

    /** A signed token for any subject and role, as the dev authorization server would issue. */
    String token(String subject, String role, String vot) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("http://localhost")
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(600))
                .claim("roles", List.of(role));
        if (vot != null) {
            claims.claim("vot", vot);
        }
        return bean(JwtEncoder.class).encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.build())).getTokenValue();
    }

    StreamingEventProcessor processor(String name) {
        return bean(EventProcessingConfiguration.class).eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no streaming processor " + name));
    }

    /** The global position of the last event in the store, or -1 when it is empty. */
    long headPosition() {
        TrackingToken head = bean(EventStore.class).createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * Waits until processor {@code name} runs, has claimed its segments, is not in error, is caught up and has handled
     * every event up to the current head of the store, a replay included.
     * <p>
     * A replay counts as done once the processor has handled the event at its reset position. Axon 4 still reports
     * {@code replaying} until the first event <em>past</em> that position arrives ({@code ReplayToken#advancedTo}
     * keeps the token a replay token while the token at reset covers it), so on an idle store a finished replay goes on
     * saying "replaying"; that flag alone cannot tell us it is over.
     */
    void awaitCaughtUp(String name) {
        StreamingEventProcessor processor = processor(name);
        long head = headPosition();
        await("processor " + name + " to catch up with position " + head, () -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            return processor.isRunning() && !processor.isError() && !status.isEmpty()
                    && status.values().stream().allMatch(segment -> !segment.isErrorState() && segment.isCaughtUp()
                    && segment.getCurrentPosition().orElse(-1) >= head
                    && (!segment.isReplaying() || segment.getCurrentPosition().orElse(-1) >= segment.getResetPosition().orElse(Long.MAX_VALUE)));
        }, () -> "running=" + processor.isRunning() + " error=" + processor.isError() + " status=" + processor.processingStatus());
    }

    /** Waits until no segment of processor {@code name} is replaying any more. */
    void awaitNotReplaying(String name) {
        StreamingEventProcessor processor = processor(name);
        await("processor " + name + " to end its replay", () -> !processor.processingStatus().isEmpty() && !processor.isReplaying(),
                () -> "status=" + processor.processingStatus());
    }

    /** Every document of a collection, by {@code _id} (a full scan: fine in a test, never on the hot path). */
    Map<String, Document> collection(String name) {
        Map<String, Document> documents = new TreeMap<>();
        database().getCollection(name).find().forEach(document -> documents.put(String.valueOf(document.get("_id")), document));
        return documents;
    }

    static void await(String what, BooleanSupplier condition, Supplier<String> state) {
        await(what, PATIENCE, condition, state);
    }

    static void await(String what, Duration patience, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + patience + ": " + state.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
