package uk.customerhub.infra.benchmark;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import uk.customerhub.api.Address;
import uk.customerhub.api.Channel;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.Direction;
import uk.customerhub.api.Name;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.RecordedBy;
import uk.customerhub.api.RegisterCustomer;
import uk.customerhub.api.Role;
import uk.customerhub.api.Visibility;
import uk.customerhub.infra.axon.BenchmarkSerializers;
import uk.customerhub.infra.eventstore.BenchmarkSeeding;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the benchmark sends and stores: an agent logging a phone enquiry on a customer's behalf, with a summary long
 * enough that the stored {@link ContactRecorded} payload is about 1 KB of JSON, and the provenance metadata the
 * console adds to every command. Seeded events reuse one template payload and metadata (see
 * {@link MemoizingSerializer}); only their ids, aggregates and sequence numbers differ.
 */
final class Workload {
    static final String AGENT = "bench-agent-0001";
    private final String summary;
    final ContactRecorded templatePayload;
    final MetaData templateMetaData;
    final MemoizingSerializer seedingSerializer;

    Workload(int summaryChars) {
        StringBuilder text = new StringBuilder();
        String sentence = "Resident called about a missed grey bin collection on Tuesday and asked when it will be collected. ";
        while (text.length() < summaryChars) {
            text.append(sentence);
        }
        this.summary = text.substring(0, summaryChars).strip();
        this.templatePayload = new ContactRecorded("seed-customer", "seed-contact", Channel.PHONE, ContactType.ENQUIRY,
                Direction.INBOUND, Instant.parse("2026-01-05T10:15:30.123456Z"), RecordedBy.assisted(AGENT, null),
                Outcome.RESOLVED_FIRST_CONTACT, Visibility.RESIDENT_VISIBLE, null, new ContactNarrative(summary));
        this.templateMetaData = provenance("seed-customer", "seed-idempotency-key")
                .and("contactFingerprint", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        this.seedingSerializer = new MemoizingSerializer(BenchmarkSerializers.events(), templatePayload, templateMetaData);
    }

    /** Size of the stored payload JSON, in characters. */
    int payloadChars() {
        return BenchmarkSerializers.events().serialize(templatePayload, String.class).getData().length();
    }

    /** Size of the stored metadata JSON, in characters. */
    int metaDataChars() {
        return BenchmarkSerializers.events().serialize(templateMetaData, String.class).getData().length();
    }

    /** The "who acted" metadata of a command sent from the agent console. */
    static MetaData provenance(String customerId, String idempotencyKey) {
        Map<String, Object> values = new HashMap<>();
        values.put(Provenance.ACTOR, AGENT);
        values.put(Provenance.ROLE, Role.AGENT.name());
        values.put(Provenance.ON_BEHALF_OF, customerId);
        values.put(Provenance.CHANNEL, Channel.PHONE.name());
        values.put(Provenance.ORGANISATION, Provenance.DEFAULT_ORGANISATION);
        values.put(Provenance.CORRELATION_ID, UUID.randomUUID().toString());
        values.put(Provenance.IDEMPOTENCY_KEY, idempotencyKey);
        return MetaData.from(values);
    }

    RegisterCustomer registration(String customerId, int number) {
        return new RegisterCustomer(customerId, CustomerCategory.RESIDENT,
                new CustomerProfile(new Name("Sam", "Example" + number), null, null,
                        new Address(List.of(number + " Example Street"), "Southampton", "SO14 7LY", null)),
                List.of());
    }

    RecordContact contact(String customerId, String contactId) {
        return new RecordContact(customerId, contactId, Channel.PHONE, ContactType.ENQUIRY, Direction.INBOUND, null,
                RecordedBy.assisted(AGENT, null), Outcome.RESOLVED_FIRST_CONTACT, Visibility.RESIDENT_VISIBLE, null,
                new ContactNarrative(summary));
    }

    /** A stored-looking contact event of {@code aggregateId} at {@code sequence}, sharing the template payload. */
    GenericDomainEventMessage<ContactRecorded> seedEvent(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Customer", aggregateId, sequence, templatePayload, templateMetaData);
    }

    /** The commit document {@code CommitStorageEngine} would store for {@link #seedEvent} at {@code position}. */
    Document seedCommit(long position, String aggregateId, long sequence) {
        return BenchmarkSeeding.commitDocument(List.of(seedEvent(aggregateId, sequence)), position, Instant.now(),
                seedingSerializer);
    }
}
