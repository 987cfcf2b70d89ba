package uk.customerhub.projections.clocks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import uk.customerhub.api.ContactMovedIn;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.StatutoryClockOverdue;
import uk.customerhub.api.StatutoryClockStarted;
import uk.customerhub.api.StatutoryClockStatus;
import uk.customerhub.api.StatutoryClockStopped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Pending statutory clock timers, in the {@value #COLLECTION} collection: one document per clock that is still
 * running — neither stopped nor overdue — with {@code _id} = the clock id (unique across the hub, as contact ids
 * are), the customer, the organisation and the instant the clock runs out ({@code dueAt}, the end of its due date in
 * London). Kept by the events of the customer records: a clock that starts is added, one that stops or becomes
 * overdue is removed; a repeat of any event leaves the same document (upsert by {@code _id}, delete by {@code _id}),
 * so redelivery and replay are safe.
 * <p>
 * {@link #due} is the one query that is not a lookup by {@code _id}: a scan for {@code dueAt <= now}. On the
 * embedded server (unique hash indexes only) that reads the whole collection, which is acceptable because the
 * collection holds only pending timers — clocks still running — never history; on a real MongoDB it is as small.
 * It needs no secondary index.
 */
@ProcessingGroup(StatutoryClockTimers.PROCESSING_GROUP)
public class StatutoryClockTimers {
    /** The processing group (tracking event processor) that keeps the timers. */
    public static final String PROCESSING_GROUP = "statutory-clock-timers";
    /** The collection of pending timers. */
    public static final String COLLECTION = "statutory_clock_timers";
    private static final String ID = "_id";
    private static final String CUSTOMER_ID = "customerId";
    private static final String ORGANISATION = "organisation";
    private static final String DUE_AT = "dueAt";

    private final MongoCollection<Document> timers;

    public StatutoryClockTimers(MongoDatabase database) {
        this.timers = database.getCollection(COLLECTION);
    }

    @EventHandler
    public void on(StatutoryClockStarted event, @MetaDataValue(Provenance.ORGANISATION) String organisation) {
        timers.replaceOne(Filters.eq(ID, event.clockId()),
                new Document(ID, event.clockId())
                        .append(CUSTOMER_ID, event.customerId())
                        .append(ORGANISATION, organisation == null ? Provenance.DEFAULT_ORGANISATION : organisation)
                        .append(DUE_AT, Date.from(event.dueAt())),
                new ReplaceOptions().upsert(true));
    }

    /** A contact moved to another record takes its running clocks along: their timers now ask that record. */
    @EventHandler
    public void on(ContactMovedIn event, @MetaDataValue(Provenance.ORGANISATION) String organisation) {
        event.moved().clocks().stream()
                .filter(clock -> clock.status() == StatutoryClockStatus.OPEN)
                .forEach(clock -> timers.replaceOne(Filters.eq(ID, clock.clockId()),
                        new Document(ID, clock.clockId())
                                .append(CUSTOMER_ID, event.customerId())
                                .append(ORGANISATION, organisation == null ? Provenance.DEFAULT_ORGANISATION : organisation)
                                .append(DUE_AT, Date.from(clock.dueAt())),
                        new ReplaceOptions().upsert(true)));
    }

    @EventHandler
    public void on(StatutoryClockStopped event) {
        forget(event.clockId());
    }

    @EventHandler
    public void on(StatutoryClockOverdue event) {
        forget(event.clockId());
    }

    /**
     * The pending timers whose clock has run out by {@code now}, at most {@code limit} of them, in no particular
     * order. A scan of the pending timers only (see the class comment).
     */
    public List<DueTimer> due(Instant now, int limit) {
        return timers.find(Filters.lte(DUE_AT, Date.from(now))).limit(limit)
                .map(document -> new DueTimer(document.getString(ID), document.getString(CUSTOMER_ID),
                        document.getString(ORGANISATION), document.getDate(DUE_AT).toInstant()))
                .into(new ArrayList<>());
    }

    /** Removes a clock's timer: it no longer runs (or its record does not know it). */
    public void forget(String clockId) {
        timers.deleteOne(Filters.eq(ID, clockId));
    }
}
