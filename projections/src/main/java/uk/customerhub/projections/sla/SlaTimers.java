package uk.customerhub.projections.sla;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import uk.customerhub.api.ContactMovedIn;
import uk.customerhub.api.MovedContact;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.SlaClockPaused;
import uk.customerhub.api.SlaClockResumed;
import uk.customerhub.api.SlaClockStarted;
import uk.customerhub.api.SlaTarget;
import uk.customerhub.api.SlaTargetBreached;
import uk.customerhub.api.SlaTargetMet;
import uk.customerhub.api.SlaTargetStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Pending service level timers, in the {@value #COLLECTION} collection: one document per running target of a
 * service request ({@code _id} = {@code serviceRequestId:TARGET}; service request ids are unique across the hub) with
 * the customer, the organisation and the instant the target runs out. Kept by the records' events: a clock that
 * starts adds its two targets; a target met or breached, or a clock paused, removes them; a clock resumed adds its
 * running targets back with their new due time. Each write is an upsert or delete by {@code _id}, so redelivery and
 * replay leave the same documents.
 * <p>
 * {@link #due} scans for {@code dueAt <= now}: acceptable because the collection holds only pending timers (targets
 * still running), never history — as for statutory clocks (ADR 0003).
 */
@ProcessingGroup(SlaTimers.PROCESSING_GROUP)
public class SlaTimers {
    /** The processing group (tracking event processor) that keeps the timers. */
    public static final String PROCESSING_GROUP = "sla-timers";
    /** The collection of pending timers. */
    public static final String COLLECTION = "sla_timers";
    private static final String ID = "_id";

    private final MongoCollection<Document> timers;

    public SlaTimers(MongoDatabase database) {
        this.timers = database.getCollection(COLLECTION);
    }

    @EventHandler
    public void on(SlaClockStarted event, @MetaDataValue(Provenance.ORGANISATION) String organisation) {
        add(event.customerId(), event.serviceRequestId(), SlaTarget.RESPONSE, organisation, event.responseDueAt());
        add(event.customerId(), event.serviceRequestId(), SlaTarget.RESOLUTION, organisation, event.resolutionDueAt());
    }

    @EventHandler
    public void on(SlaClockPaused event) {
        forget(timerId(event.serviceRequestId(), SlaTarget.RESPONSE));
        forget(timerId(event.serviceRequestId(), SlaTarget.RESOLUTION));
    }

    @EventHandler
    public void on(SlaClockResumed event, @MetaDataValue(Provenance.ORGANISATION) String organisation) {
        if (event.responseDueAt() != null) {
            add(event.customerId(), event.serviceRequestId(), SlaTarget.RESPONSE, organisation, event.responseDueAt());
        }
        if (event.resolutionDueAt() != null) {
            add(event.customerId(), event.serviceRequestId(), SlaTarget.RESOLUTION, organisation, event.resolutionDueAt());
        }
    }

    /** A request moved with its contact to another record: its running targets' timers now ask that record. */
    @EventHandler
    public void on(ContactMovedIn event, @MetaDataValue(Provenance.ORGANISATION) String organisation) {
        MovedContact.ServiceLevel level = event.moved().serviceLevel();
        if (level == null || level.pausedAt() != null) {
            return;
        }
        String serviceRequestId = event.moved().serviceRequestId();
        if (level.response() == SlaTargetStatus.RUNNING) {
            add(event.customerId(), serviceRequestId, SlaTarget.RESPONSE, organisation, level.responseDueAt());
        }
        if (level.resolution() == SlaTargetStatus.RUNNING) {
            add(event.customerId(), serviceRequestId, SlaTarget.RESOLUTION, organisation, level.resolutionDueAt());
        }
    }

    @EventHandler
    public void on(SlaTargetMet event) {
        forget(timerId(event.serviceRequestId(), event.target()));
    }

    @EventHandler
    public void on(SlaTargetBreached event) {
        forget(timerId(event.serviceRequestId(), event.target()));
    }

    /** The pending timers whose target has run out by {@code now}, at most {@code limit}, in no particular order. */
    public List<DueSlaTimer> due(Instant now, int limit) {
        return timers.find(Filters.lte("dueAt", Date.from(now))).limit(limit)
                .map(document -> new DueSlaTimer(document.getString(ID), document.getString("customerId"),
                        document.getString("serviceRequestId"), SlaTarget.valueOf(document.getString("target")),
                        document.getString("organisation"), document.getDate("dueAt").toInstant()))
                .into(new ArrayList<>());
    }

    /** Removes a timer: its target no longer runs (or its record does not know it). */
    public void forget(String timerId) {
        timers.deleteOne(Filters.eq(ID, timerId));
    }

    static String timerId(String serviceRequestId, SlaTarget target) {
        return serviceRequestId + ":" + target.name();
    }

    private void add(String customerId, String serviceRequestId, SlaTarget target, String organisation, Instant dueAt) {
        String id = timerId(serviceRequestId, target);
        timers.replaceOne(Filters.eq(ID, id), new Document(ID, id)
                        .append("customerId", customerId)
                        .append("serviceRequestId", serviceRequestId)
                        .append("target", target.name())
                        .append("organisation", organisation == null ? Provenance.DEFAULT_ORGANISATION : organisation)
                        .append("dueAt", Date.from(dueAt)),
                new ReplaceOptions().upsert(true));
    }
}
