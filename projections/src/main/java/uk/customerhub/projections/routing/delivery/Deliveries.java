package uk.customerhub.projections.routing.delivery;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The webhook outbox and delivery log in MongoDB. Every write filters by {@code _id} alone; every read is a lookup by
 * {@code _id} (or {@code $in}) except {@link #due} (the pending outbox) and {@link #deadLetters} (an ADMIN list).
 * <ul>
 *     <li>{@value #LOG}: one document per webhook, {@code _id} = its webhook id: the delivery, its payload, its state
 *     and its latest attempts. Never scanned.</li>
 *     <li>{@value #BY_REQUEST}: per service request ({@code _id}), the webhook ids sent about it (the latest
 *     {@value #IDS_KEPT}).</li>
 *     <li>{@value #OUTBOX}: one small document ({@code _id} = webhook id, {@code dueAt}) per delivery with work left —
 *     an attempt to make, or a failure to report to the customer record — removed when there is none. The one
 *     collection scanned ({@code dueAt <= now}); it holds only what is pending.</li>
 *     <li>{@value #DEAD_LETTERS}: deliveries the hub gave up on, until ADMIN redelivers them.</li>
 * </ul>
 */
public class Deliveries {
    public static final String LOG = "webhook_deliveries";
    public static final String BY_REQUEST = "webhook_deliveries_by_request";
    public static final String OUTBOX = "webhook_outbox";
    public static final String DEAD_LETTERS = "webhook_dead_letters";
    /** Attempts kept in a delivery's log (manual redeliveries can add more than the schedule's ten). */
    public static final int ATTEMPTS_KEPT = 50;
    /** Webhook ids kept per service request (each re-route adds two). */
    public static final int IDS_KEPT = 200;

    private static final String ID = "_id";
    private static final String DUE_AT = "dueAt";

    private final MongoCollection<Document> log;
    private final MongoCollection<Document> byRequest;
    private final MongoCollection<Document> outbox;
    private final MongoCollection<Document> deadLetters;

    public Deliveries(MongoDatabase database) {
        this.log = database.getCollection(LOG);
        this.byRequest = database.getCollection(BY_REQUEST);
        this.outbox = database.getCollection(OUTBOX);
        this.deadLetters = database.getCollection(DEAD_LETTERS);
    }

    /**
     * Queues a webhook for its first attempt at {@code now}, unless one with its webhook id was queued before (a
     * redelivered event): then nothing new is sent, and a pending one is made sure to stay in the outbox.
     *
     * @return whether it was queued now
     */
    public boolean enqueue(NewDelivery delivery, Instant now) {
        Document document = new Document(ID, delivery.webhookId())
                .append("type", delivery.type())
                .append("serviceRequestId", delivery.serviceRequestId())
                .append("customerId", delivery.customerId())
                .append("organisation", delivery.organisation())
                .append("providerId", delivery.providerId())
                .append("payload", delivery.payload())
                .append("status", DeliveryStatus.PENDING.name())
                .append("attempts", 0)
                .append("roundAttempts", 0)
                .append("createdAt", Date.from(now))
                .append("nextAttemptAt", Date.from(now))
                .append("failureRecorded", false)
                .append("attemptLog", List.of());
        boolean queued;
        try {
            log.insertOne(document);
            queued = true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            queued = false;
        }
        Delivery stored = queued ? toDelivery(document) : find(delivery.webhookId()).orElseThrow();
        index(stored.serviceRequestId(), stored.webhookId());
        if (stored.status() == DeliveryStatus.PENDING) {
            // after a crash between the two writes, the redelivered event puts the pointer back; never moves it
            outbox.updateOne(Filters.eq(ID, stored.webhookId()),
                    Updates.setOnInsert(DUE_AT, Date.from(stored.nextAttemptAt())), new UpdateOptions().upsert(true));
        }
        return queued;
    }

    private void index(String serviceRequestId, String webhookId) {
        Document existing = byRequest.find(Filters.eq(ID, serviceRequestId)).first();
        if (existing != null && existing.getList("webhookIds", String.class, List.of()).contains(webhookId)) {
            return;
        }
        byRequest.updateOne(Filters.eq(ID, serviceRequestId),
                Updates.pushEach("webhookIds", List.of(webhookId), new PushOptions().slice(-IDS_KEPT)),
                new UpdateOptions().upsert(true));
    }

    /** The ids of deliveries with work due by {@code now}, at most {@code limit}: a scan of the pending outbox only. */
    public List<String> due(Instant now, int limit) {
        return outbox.find(Filters.lte(DUE_AT, Date.from(now))).limit(limit)
                .map(document -> document.getString(ID)).into(new ArrayList<>());
    }

    /** When the delivery's outbox entry is due, if it has one. */
    public Optional<Instant> dueAt(String webhookId) {
        return Optional.ofNullable(outbox.find(Filters.eq(ID, webhookId)).first())
                .map(document -> document.getDate(DUE_AT).toInstant());
    }

    public Optional<Delivery> find(String webhookId) {
        return Optional.ofNullable(log.find(Filters.eq(ID, webhookId)).first()).map(Deliveries::toDelivery);
    }

    /** Every delivery about a service request (the latest {@value #IDS_KEPT}), oldest first. */
    public List<Delivery> ofRequest(String serviceRequestId) {
        Document index = byRequest.find(Filters.eq(ID, serviceRequestId)).first();
        if (index == null) {
            return List.of();
        }
        List<String> ids = index.getList("webhookIds", String.class, List.of());
        List<Delivery> deliveries = log.find(Filters.in(ID, ids)).map(Deliveries::toDelivery).into(new ArrayList<>());
        deliveries.sort(Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::webhookId));
        return deliveries;
    }

    /** Holds the outbox entry back until {@code until} while an attempt is made, so a crash mid-attempt retries later. */
    public void lease(String webhookId, Instant until) {
        outbox.updateOne(Filters.eq(ID, webhookId), Updates.set(DUE_AT, Date.from(until)));
    }

    /** The provider took it (2xx): done, out of the outbox. */
    public void delivered(String webhookId, DeliveryAttempt attempt) {
        log.updateOne(Filters.eq(ID, webhookId), Updates.combine(withAttempt(attempt),
                Updates.set("status", DeliveryStatus.DELIVERED.name()),
                Updates.set("completedAt", Date.from(attempt.at())),
                Updates.unset("nextAttemptAt")));
        deadLetters.deleteOne(Filters.eq(ID, webhookId));
        outbox.deleteOne(Filters.eq(ID, webhookId));
    }

    /** The attempt failed and another is due at {@code next}. */
    public void retryAt(String webhookId, DeliveryAttempt attempt, Instant next) {
        log.updateOne(Filters.eq(ID, webhookId), Updates.combine(withAttempt(attempt),
                Updates.set("nextAttemptAt", Date.from(next))));
        outbox.updateOne(Filters.eq(ID, webhookId), Updates.set(DUE_AT, Date.from(next)), new UpdateOptions().upsert(true));
    }

    /**
     * No more attempts ({@code status} FAILED or ENDPOINT_DISABLED): the delivery becomes a dead letter, and stays in
     * the outbox, due at once, until its failure is recorded on the customer's record ({@link #failureReported}).
     *
     * @param attempt the last attempt, or null when none was made (the endpoint was already disabled)
     */
    public void gaveUp(String webhookId, DeliveryAttempt attempt, DeliveryStatus status, String error, Instant now) {
        List<Bson> updates = new ArrayList<>();
        if (attempt != null) {
            updates.add(withAttempt(attempt));
        } else {
            updates.add(Updates.set("lastError", error));
        }
        updates.add(Updates.set("status", status.name()));
        updates.add(Updates.set("completedAt", Date.from(now)));
        updates.add(Updates.unset("nextAttemptAt"));
        log.updateOne(Filters.eq(ID, webhookId), Updates.combine(updates));
        Delivery delivery = find(webhookId).orElseThrow();
        deadLetters.replaceOne(Filters.eq(ID, webhookId), new Document(ID, webhookId)
                .append("serviceRequestId", delivery.serviceRequestId())
                .append("providerId", delivery.providerId())
                .append("type", delivery.type())
                .append("status", status.name())
                .append("attempts", delivery.attempts())
                .append("lastError", delivery.lastError())
                .append("failedAt", Date.from(now)), new ReplaceOptions().upsert(true));
        outbox.updateOne(Filters.eq(ID, webhookId), Updates.set(DUE_AT, Date.from(now)), new UpdateOptions().upsert(true));
    }

    /** The customer's record knows the delivery failed: nothing is left to do for it. */
    public void failureReported(String webhookId) {
        log.updateOne(Filters.eq(ID, webhookId), Updates.set("failureRecorded", true));
        outbox.deleteOne(Filters.eq(ID, webhookId));
    }

    /** Drops an outbox entry with nothing left to do (its delivery is done, or unknown). */
    public void release(String webhookId) {
        outbox.deleteOne(Filters.eq(ID, webhookId));
    }

    /**
     * ADMIN's manual redelivery: the delivery is pending again with a fresh retry schedule, first attempt at once,
     * under the same webhook id (so a provider that already has it can tell). No longer a dead letter.
     *
     * @return the delivery, or empty when there is no such delivery
     */
    public Optional<Delivery> redeliver(String webhookId, Instant now) {
        if (find(webhookId).isEmpty()) {
            return Optional.empty();
        }
        log.updateOne(Filters.eq(ID, webhookId), Updates.combine(
                Updates.set("status", DeliveryStatus.PENDING.name()),
                Updates.set("roundAttempts", 0),
                Updates.set("nextAttemptAt", Date.from(now)),
                Updates.unset("completedAt")));
        deadLetters.deleteOne(Filters.eq(ID, webhookId));
        outbox.replaceOne(Filters.eq(ID, webhookId), new Document(ID, webhookId).append(DUE_AT, Date.from(now)),
                new ReplaceOptions().upsert(true));
        return find(webhookId);
    }

    /**
     * Deliveries the hub gave up on, at most {@code limit}, most recent first: a scan of the dead letters, which hold
     * only failures not yet redelivered (an ADMIN list, not a hot path).
     */
    public List<Document> deadLetters(int limit) {
        List<Document> letters = deadLetters.find().into(new ArrayList<>());
        letters.sort(Comparator.comparing((Document letter) -> letter.getDate("failedAt")).reversed());
        return letters.subList(0, Math.min(limit, letters.size()));
    }

    private static Bson withAttempt(DeliveryAttempt attempt) {
        Document entry = new Document("number", attempt.number())
                .append("at", Date.from(attempt.at()))
                .append("statusCode", attempt.statusCode())
                .append("latencyMillis", attempt.latencyMillis())
                .append("error", attempt.error());
        return Updates.combine(
                Updates.inc("attempts", 1),
                Updates.inc("roundAttempts", 1),
                Updates.set("lastError", attempt.error()),
                Updates.set("lastStatusCode", attempt.statusCode()),
                Updates.pushEach("attemptLog", List.of(entry), new PushOptions().slice(-ATTEMPTS_KEPT)));
    }

    private static Delivery toDelivery(Document document) {
        List<DeliveryAttempt> attempts = document.getList("attemptLog", Document.class, List.of()).stream()
                .map(entry -> new DeliveryAttempt(entry.getInteger("number"), entry.getDate("at").toInstant(),
                        entry.getInteger("statusCode"), entry.get("latencyMillis", Number.class).longValue(),
                        entry.getString("error")))
                .toList();
        return new Delivery(document.getString(ID), document.getString("type"), document.getString("serviceRequestId"),
                document.getString("customerId"), document.getString("organisation"), document.getString("providerId"),
                document.getString("payload"), DeliveryStatus.valueOf(document.getString("status")),
                document.getInteger("attempts", 0), document.getInteger("roundAttempts", 0),
                instant(document, "createdAt"), instant(document, "nextAttemptAt"), instant(document, "completedAt"),
                document.getString("lastError"), document.getBoolean("failureRecorded", false), attempts);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
