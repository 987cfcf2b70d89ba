package uk.customerhub.projections.unattributed;

import org.bson.Document;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.Direction;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.RecorderKind;
import uk.customerhub.api.SenderDetails;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.TriageQueue;
import uk.customerhub.api.UnattributedContactRecorded;
import uk.customerhub.api.UnattributedContactView;
import uk.customerhub.api.UnattributedStatus;
import uk.customerhub.api.Visibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * One unattributed contact's document in {@value TriageQueueStore#CONTACTS}: what the contact's record holds, where it
 * stands, the position of the record it reflects, the queue bucket it was put in, and whether it has been put into
 * (and, once attached or closed, taken out of) that bucket — the marks that make a redelivered event finish what an
 * interrupted one began.
 */
final class StoredUnattributedContact {
    static final String POSITION = "position";
    static final String QUEUED = "queued";
    static final String DEQUEUED = "dequeued";

    private final Document document;

    StoredUnattributedContact(Document document) {
        this.document = document;
    }

    static StoredUnattributedContact recorded(UnattributedContactRecorded event, String organisation, Instant recordedAt,
                                              long sequence, long bucket) {
        Document sender = new Document("identities", event.personal().sender().identities().stream()
                .map(identity -> new Document("kind", identity.kind().name()).append("value", identity.value()))
                .toList())
                .append("name", event.personal().sender().name())
                .append("dateOfBirth", event.personal().sender().dateOfBirth() == null ? null
                        : event.personal().sender().dateOfBirth().toString())
                .append("postcode", event.personal().sender().postcode());
        RecordedBy recordedBy = event.recordedBy();
        return new StoredUnattributedContact(new Document("_id", event.contactId())
                .append("organisation", organisation)
                .append("queue", event.queue().name())
                .append("status", UnattributedStatus.OPEN.name())
                .append("channel", event.channel().name())
                .append("type", event.type().name())
                .append("direction", event.direction().name())
                .append("occurredAt", date(event.occurredAt()))
                .append("recordedAt", date(recordedAt))
                .append("recordedBy", new Document("kind", recordedBy.kind().name())
                        .append("agentId", recordedBy.agentId())
                        .append("accessPoint", recordedBy.accessPoint()))
                .append("outcome", name(event.outcome()))
                .append("visibility", event.visibility().name())
                .append("specialism", name(event.specialism()))
                .append("sourceSystem", event.sourceSystem())
                .append("sender", sender)
                .append("summary", event.personal().narrative().summary())
                .append("transcript", event.personal().narrative().transcript())
                .append("candidateCustomerIds", event.candidateCustomerIds())
                .append("bucket", bucket)
                .append(QUEUED, false)
                .append(DEQUEUED, false)
                .append(POSITION, sequence));
    }

    Document document() {
        return document;
    }

    String contactId() {
        return document.getString("_id");
    }

    String organisation() {
        return document.getString("organisation");
    }

    TriageQueue queue() {
        return TriageQueue.valueOf(document.getString("queue"));
    }

    UnattributedStatus status() {
        return UnattributedStatus.valueOf(document.getString("status"));
    }

    Visibility visibility() {
        return Visibility.valueOf(document.getString("visibility"));
    }

    Specialism specialism() {
        return enumValue(Specialism.class, document.getString("specialism"));
    }

    long bucket() {
        return document.get("bucket", Number.class).longValue();
    }

    long position() {
        return document.get(POSITION, Number.class).longValue();
    }

    boolean queued() {
        return document.getBoolean(QUEUED, false);
    }

    boolean dequeued() {
        return document.getBoolean(DEQUEUED, false);
    }

    void attached(String customerId, String agent, long sequence) {
        document.append("status", UnattributedStatus.ATTACHED.name())
                .append("attachedTo", customerId)
                .append("attachedBy", agent)
                .append(POSITION, sequence);
    }

    void closed(String reason, String agent, long sequence) {
        document.append("status", UnattributedStatus.CLOSED.name())
                .append("closedReason", reason)
                .append("closedBy", agent)
                .append(POSITION, sequence);
    }

    /** As staff see it; with the transcript only when asked for one contact. */
    UnattributedContactView view(boolean withTranscript) {
        Document recordedBy = document.get("recordedBy", Document.class);
        Document sender = document.get("sender", Document.class);
        List<Identity> identities = sender.getList("identities", Document.class, List.of()).stream()
                .map(identity -> new Identity(IdentityKind.valueOf(identity.getString("kind")), identity.getString("value")))
                .toList();
        String dateOfBirth = sender.getString("dateOfBirth");
        return new UnattributedContactView(contactId(), queue(), status(),
                Channel.valueOf(document.getString("channel")),
                ContactType.valueOf(document.getString("type")),
                Direction.valueOf(document.getString("direction")),
                instant(document.getDate("occurredAt")),
                instant(document.getDate("recordedAt")),
                new RecordedBy(RecorderKind.valueOf(recordedBy.getString("kind")), recordedBy.getString("agentId"),
                        recordedBy.getString("accessPoint")),
                enumValue(Outcome.class, document.getString("outcome")),
                visibility(), specialism(),
                document.getString("sourceSystem"),
                new SenderDetails(identities, sender.getString("name"),
                        dateOfBirth == null ? null : LocalDate.parse(dateOfBirth), sender.getString("postcode")),
                document.getString("summary"),
                withTranscript ? document.getString("transcript") : null,
                document.getList("candidateCustomerIds", String.class, List.of()),
                document.getString("attachedTo"),
                document.getString("attachedBy"),
                document.getString("closedReason"),
                document.getString("closedBy"),
                position());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
