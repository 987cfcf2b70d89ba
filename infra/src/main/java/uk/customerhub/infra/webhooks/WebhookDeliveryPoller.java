package uk.customerhub.infra.webhooks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.Limits;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.RecordDeliveryFailure;
import uk.customerhub.projections.routing.delivery.Deliveries;
import uk.customerhub.projections.routing.delivery.Delivery;
import uk.customerhub.projections.routing.delivery.DeliveryAttempt;
import uk.customerhub.projections.routing.delivery.DeliveryStatus;
import uk.customerhub.projections.routing.delivery.RetrySchedule;
import uk.customerhub.projections.routing.delivery.WebhookEndpoint;
import uk.customerhub.projections.routing.delivery.WebhookEndpoints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The webhook deliverer: every {@code hub.webhooks.poll-interval} it reads the outbox entries due
 * ({@link Deliveries#due}, a scan of pending deliveries only) and works each one:
 * <ul>
 *     <li>a pending delivery is attempted ({@link WebhookSender}); 2xx is delivered; 410 disables the provider's
 *     endpoint and ends the delivery; anything else is tried again on the {@link RetrySchedule} (Retry-After
 *     honoured) until the tenth attempt fails; a provider with no endpoint at all is not tried again (retries cannot help
 *     until ADMIN sets one): the delivery gives up at once;</li>
 *     <li>a delivery the hub gave up on (attempts exhausted, or the endpoint disabled) is a dead letter, and its
 *     failure is recorded on the customer's record ({@code RecordDeliveryFailure}, idempotent on the webhook id) —
 *     which puts a task in front of staff. It stays in the outbox until that command succeeds.</li>
 * </ul>
 * "Now" is the hub's {@link Clock}, so tests drive the schedule by moving it. Every due time is in MongoDB, so a
 * retry that falls due while the hub is down is made at the first look after it starts. An entry being attempted is
 * leased ({@code hub.webhooks.lease}): should the hub die mid-attempt the attempt is made again after the lease — the
 * same {@code webhook-id}, so the provider can tell.
 */
public class WebhookDeliveryPoller implements SmartLifecycle {
    /** The actor the failure events name: the hub's webhook deliverer. */
    public static final String ACTOR = "system:webhook-delivery";
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryPoller.class);

    private final Deliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookSender sender;
    private final CommandGateway commands;
    private final Clock clock;
    private final WebhookProperties properties;
    private ScheduledExecutorService timer;
    private ExecutorService workers;

    public WebhookDeliveryPoller(Deliveries deliveries, WebhookEndpoints endpoints, WebhookSender sender,
                                 CommandGateway commands, Clock clock, WebhookProperties properties) {
        if (properties.pollInterval().isNegative() || properties.pollInterval().isZero()) {
            throw new IllegalArgumentException("hub.webhooks.poll-interval must be positive, not " + properties.pollInterval());
        }
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.commands = commands;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * One look: works every outbox entry due now (at most a batch), several at once, and returns when all are done.
     *
     * @return how many entries were worked
     */
    public int pollOnce() {
        Instant now = clock.instant();
        List<String> due = deliveries.due(now, properties.pollBatch());
        if (due.isEmpty()) {
            return 0;
        }
        for (String webhookId : due) {
            deliveries.lease(webhookId, now.plus(properties.lease()));
        }
        ExecutorService pool = workers();
        List<Future<?>> running = new ArrayList<>();
        for (String webhookId : due) {
            running.add(pool.submit(() -> work(webhookId, now)));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                log.warn("webhook delivery: working an outbox entry failed; it is tried again after its lease", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return due.size();
    }

    private void work(String webhookId, Instant now) {
        Optional<Delivery> found = deliveries.find(webhookId);
        if (found.isEmpty()) {
            deliveries.release(webhookId);
            return;
        }
        Delivery delivery = found.get();
        switch (delivery.status()) {
            case DELIVERED -> deliveries.release(webhookId);
            case FAILED, ENDPOINT_DISABLED -> {
                if (delivery.failureRecorded()) {
                    deliveries.release(webhookId);
                } else {
                    reportFailure(delivery);
                }
            }
            case PENDING -> attempt(delivery, now);
        }
    }

    private void attempt(Delivery delivery, Instant now) {
        String webhookId = delivery.webhookId();
        Optional<WebhookEndpoint> endpoint = endpoints.find(delivery.providerId());
        if (endpoint.isPresent() && !endpoint.get().enabled()) {
            deliveries.gaveUp(webhookId, null, DeliveryStatus.ENDPOINT_DISABLED, "the provider's webhook endpoint is disabled"
                    + (endpoint.get().disabledReason() == null ? "" : ": " + endpoint.get().disabledReason()), now);
            reportFailure(deliveries.find(webhookId).orElseThrow());
            return;
        }
        if (endpoint.isEmpty()) {
            // retrying cannot help until ADMIN gives the provider an endpoint, and the service level clock runs:
            // staff are told at once (a dead letter, an event, a task); ADMIN redelivers once the endpoint is set
            String error = "provider " + delivery.providerId() + " has no webhook endpoint";
            deliveries.gaveUp(webhookId, new DeliveryAttempt(delivery.attempts() + 1, now, null, 0L, error),
                    DeliveryStatus.FAILED, error, now);
            log.warn("webhook {}: {}; staff are told", webhookId, error);
            reportFailure(deliveries.find(webhookId).orElseThrow());
            return;
        }
        AttemptResult result = sender.send(endpoint.get(), delivery, now);
        DeliveryAttempt attempt = new DeliveryAttempt(delivery.attempts() + 1, now, result.statusCode(),
                result.latencyMillis(), result.error());
        if (result.succeeded()) {
            deliveries.delivered(webhookId, attempt);
            log.debug("webhook {} delivered to {} (attempt {})", webhookId, delivery.providerId(), attempt.number());
        } else if (result.gone()) {
            endpoints.disable(delivery.providerId(), "answered 410 Gone at " + now, now);
            deliveries.gaveUp(webhookId, attempt, DeliveryStatus.ENDPOINT_DISABLED, result.error(), now);
            log.warn("provider {} answered 410 Gone: its webhook endpoint is disabled", delivery.providerId());
            reportFailure(deliveries.find(webhookId).orElseThrow());
        } else {
            Optional<Instant> next = RetrySchedule.next(delivery.roundAttempts() + 1, now, result.retryAfter());
            if (next.isPresent()) {
                deliveries.retryAt(webhookId, attempt, next.get());
                log.info("webhook {} to {} failed (attempt {}: {}); next attempt at {}", webhookId, delivery.providerId(),
                        attempt.number(), result.error(), next.get());
            } else {
                deliveries.gaveUp(webhookId, attempt, DeliveryStatus.FAILED, result.error(), now);
                log.warn("webhook {} to {} failed {} times; gave up (last: {})", webhookId, delivery.providerId(),
                        attempt.number(), result.error());
                reportFailure(deliveries.find(webhookId).orElseThrow());
            }
        }
    }

    /** Records the failure on the customer's record; until that succeeds the entry stays due (after its lease). */
    private void reportFailure(Delivery delivery) {
        String lastError = delivery.lastError() == null ? "undelivered" : delivery.lastError();
        if (lastError.length() > Limits.SHORT_TEXT) {
            lastError = lastError.substring(0, Limits.SHORT_TEXT - 1) + "…";
        }
        try {
            commands.sendAndWait(new RecordDeliveryFailure(delivery.customerId(), delivery.serviceRequestId(),
                    delivery.providerId(), delivery.webhookId(), delivery.attempts(), lastError), provenance(delivery));
            deliveries.failureReported(delivery.webhookId());
        } catch (AggregateNotFoundException | InvalidInputException e) {
            log.warn("cannot record the failed delivery {} on customer {} ({}); it stays a dead letter",
                    delivery.webhookId(), delivery.customerId(), e.getMessage());
            deliveries.failureReported(delivery.webhookId());
        }
    }

    private static MetaData provenance(Delivery delivery) {
        return MetaData.with(Provenance.ACTOR, ACTOR)
                .and(Provenance.ON_BEHALF_OF, delivery.customerId())
                .and(Provenance.ORGANISATION, delivery.organisation())
                .and(Provenance.CORRELATION_ID, UUID.randomUUID().toString());
    }

    private synchronized ExecutorService workers() {
        if (workers == null) {
            workers = Executors.newFixedThreadPool(Math.max(1, properties.senders()), runnable -> {
                Thread thread = new Thread(runnable, "webhook-sender");
                thread.setDaemon(true);
                return thread;
            });
        }
        return workers;
    }

    private void pollSafely() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            log.warn("webhook delivery: the look at the outbox failed; trying again in {}", properties.pollInterval(), e);
        }
    }

    @Override
    public synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "webhook-delivery");
                thread.setDaemon(true);
                return thread;
            });
            long interval = properties.pollInterval().toMillis();
            timer.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            shutDown(timer);
            timer = null;
        }
        if (workers != null) {
            shutDown(workers);
            workers = null;
        }
    }

    private static void shutDown(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Starts late and stops early: after Axon is up, before it goes down. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024;
    }
}
