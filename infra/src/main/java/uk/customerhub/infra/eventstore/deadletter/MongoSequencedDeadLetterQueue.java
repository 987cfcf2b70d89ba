package uk.customerhub.infra.eventstore.deadletter;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.deadletter.WrongDeadLetterTypeException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.pullAll;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

/**
 * Axon's {@link SequencedDeadLetterQueue} for one processing group on MongoDB, in which every read and write names
 * its documents by {@code _id} (equality or {@code $in}), so its cost does not grow with the number of letters, on the
 * embedded server (unique hash indexes only) and on a real MongoDB alike. No multi-document transactions are used.
 *
 * <h2>Documents</h2>
 * Parts of an {@code _id} are the group and the sequence identifier with {@code %} and {@code /} percent-encoded, so
 * ids never collide.
 * <ul>
 *     <li>{@value #GROUPS} — one per processing group, {@code _id = group}: {@code sequences}, the identifiers of its
 *     sequences that hold letters.</li>
 *     <li>{@value #SEQUENCES} — one per sequence, {@code _id = group/sequenceId}: {@code indexes}, the indexes of its
 *     letters (insert order = index order), and {@code nextIndex}, the counter that hands out indexes. The document
 *     stays when its sequence empties, so an index, and so a letter id, is never handed out twice.</li>
 *     <li>{@value #LETTERS} — one per letter, {@code _id = group/sequenceId/index}: the serialized event (see
 *     {@link DeadLetterMessages}), {@code causeType}, {@code causeMessage}, {@code enqueuedAt}, {@code lastTouched}
 *     (ISO-8601 strings, exact to the nanosecond) and {@code diagnostics} (serialized metadata).</li>
 *     <li>{@value #CLAIMS} — one per sequence being processed, {@code _id = group/sequenceId}: {@code owner} (an id of
 *     the {@code process} call), {@code node}, {@code claimedAt} (epoch millis). Taken by inserting (the unique
 *     {@code _id} decides between nodes), extended after every letter, deleted when processing ends; a claim older
 *     than the claim duration may be taken over. The collection only holds live claims, so the owner-conditional
 *     deletes and updates on it stay cheap on the embedded server too.</li>
 * </ul>
 *
 * <h2>Order of writes (no transactions)</h2>
 * Enqueue lists the sequence in the group, reserves an index, writes the letter, lists the index in its sequence, then
 * lists the sequence in the group again (an eviction may have unlisted it meanwhile); evict unlists the index, then
 * deletes the letter, then unlists an emptied sequence from the group. A crash between two writes leaves at worst an
 * unlisted letter document (invisible), or a sequence listed while empty until the next {@link #process}; never a
 * sequence holding a letter that the group does not list, so an empty group means no letters (Axon's sequence
 * identifier cache relies on it). The group list's length is {@link #amountOfSequences()}.
 */
public class MongoSequencedDeadLetterQueue<M extends EventMessage<?>> implements SequencedDeadLetterQueue<M> {
    private static final Logger log = LoggerFactory.getLogger(MongoSequencedDeadLetterQueue.class);

    public static final String GROUPS = "dead_letter_groups";
    public static final String SEQUENCES = "dead_letter_sequences";
    public static final String LETTERS = "dead_letters";
    public static final String CLAIMS = "dead_letter_claims";

    static final String PROCESSING_GROUP = "processingGroup";
    static final String SEQUENCE_IDENTIFIER = "sequenceIdentifier";
    static final String SEQUENCE_IDS = "sequences";
    static final String INDEXES = "indexes";
    static final String NEXT_INDEX = "nextIndex";
    static final String INDEX = "index";
    static final String CAUSE_TYPE = "causeType";
    static final String CAUSE_MESSAGE = "causeMessage";
    static final String ENQUEUED_AT = "enqueuedAt";
    static final String LAST_TOUCHED = "lastTouched";
    static final String DIAGNOSTICS = "diagnostics";
    static final String OWNER = "owner";
    static final String NODE = "node";
    static final String CLAIMED_AT = "claimedAt";

    /** The most ids put in one {@code $in}. */
    private static final int PAGE = 200;

    private final String processingGroup;
    private final MongoCollection<Document> groups;
    private final MongoCollection<Document> sequences;
    private final MongoCollection<Document> letters;
    private final MongoCollection<Document> claims;
    private final DeadLetterMessages messages;
    private final int maxSequences;
    private final int maxSequenceSize;
    private final Duration claimDuration;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    /**
     * @param processingGroup   the processing group whose letters this queue holds
     * @param database          the database holding the four collections (shared by all groups)
     * @param eventSerializer   serializes event payloads, metadata and diagnostics
     * @param genericSerializer serializes tracking tokens
     * @param maxSequences      the most sequences this queue holds (Axon's default is 1024)
     * @param maxSequenceSize   the most letters in one sequence (Axon's default is 1024)
     * @param claimDuration     how long a {@code process} claim on a sequence lasts without being extended before
     *                          another node may take the sequence over (Axon's default is 30 s)
     */
    public MongoSequencedDeadLetterQueue(String processingGroup, MongoDatabase database, Serializer eventSerializer,
                                         Serializer genericSerializer, int maxSequences, int maxSequenceSize,
                                         Duration claimDuration) {
        if (processingGroup == null || processingGroup.isEmpty()) {
            throw new IllegalArgumentException("processingGroup must not be empty");
        }
        if (maxSequences <= 0 || maxSequenceSize <= 0) {
            throw new IllegalArgumentException("maxSequences and maxSequenceSize must be strictly positive");
        }
        if (claimDuration == null || claimDuration.isNegative() || claimDuration.isZero()) {
            throw new IllegalArgumentException("claimDuration must be positive");
        }
        Objects.requireNonNull(database, "database");
        this.processingGroup = processingGroup;
        this.messages = new DeadLetterMessages(Objects.requireNonNull(eventSerializer, "eventSerializer"),
                                               Objects.requireNonNull(genericSerializer, "genericSerializer"));
        this.maxSequences = maxSequences;
        this.maxSequenceSize = maxSequenceSize;
        this.claimDuration = claimDuration;
        this.groups = database.getCollection(GROUPS);
        this.sequences = database.getCollection(SEQUENCES);
        this.letters = database.getCollection(LETTERS);
        this.claims = database.getCollection(CLAIMS);
    }

    public String processingGroup() {
        return processingGroup;
    }

    // ---------------------------------------------------------------- ids

    static String encode(String part) {
        return part.replace("%", "%25").replace("/", "%2F");
    }

    String sequenceKey(String sequenceId) {
        return encode(processingGroup) + "/" + encode(sequenceId);
    }

    String letterKey(String sequenceId, long index) {
        return sequenceKey(sequenceId) + "/" + index;
    }

    /** As Axon's queues: a String as it is, anything else by its hash code. */
    static String toSequenceId(Object sequenceIdentifier) {
        return sequenceIdentifier instanceof String string ? string : Integer.toString(sequenceIdentifier.hashCode());
    }

    // ---------------------------------------------------------------- enqueue, evict, requeue

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends M> letter)
            throws DeadLetterQueueOverflowException {
        String sequenceId = toSequenceId(sequenceIdentifier);
        if (isFull(sequenceId)) {
            throw new DeadLetterQueueOverflowException(
                    "No room left to enqueue [" + letter.message() + "] for identifier [" + sequenceId
                            + "] since the queue is full.");
        }
        Document document = messages.write(letter.message(), new Document());
        // listed first, so the group never misses a sequence that holds a letter (whoever trusts an empty group, as
        // Axon's sequence identifier cache does, must not miss one); listed again last, see forgetIfEmpty
        listInGroup(sequenceId);
        long index = reserveIndex(sequenceId);
        String id = letterKey(sequenceId, index);
        document.append("_id", id)
                .append(PROCESSING_GROUP, processingGroup)
                .append(SEQUENCE_IDENTIFIER, sequenceId)
                .append(INDEX, index)
                .append(ENQUEUED_AT, letter.enqueuedAt().toString())
                .append(LAST_TOUCHED, letter.lastTouched().toString())
                .append(DIAGNOSTICS, new Binary(messages.writeDiagnostics(letter.diagnostics())));
        writeCause(document, letter.cause().orElse(null));
        letters.insertOne(document);
        sequences.updateOne(eq("_id", sequenceKey(sequenceId)), push(INDEXES, index));
        listInGroup(sequenceId);
        log.debug("Dead-lettered event [{}] of processing group [{}] in sequence [{}] at index [{}]{}",
                 letter.message().getIdentifier(), processingGroup, sequenceId, index,
                 letter.cause().map(cause -> " because [" + cause.type() + "]").orElse(" behind earlier letters"));
    }

    private void listInGroup(String sequenceId) {
        groups.updateOne(eq("_id", processingGroup), addToSet(SEQUENCE_IDS, sequenceId),
                         new UpdateOptions().upsert(true));
    }

    private long reserveIndex(String sequenceId) {
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        var update = combine(inc(NEXT_INDEX, 1L),
                             setOnInsert(PROCESSING_GROUP, processingGroup),
                             setOnInsert(SEQUENCE_IDENTIFIER, sequenceId),
                             setOnInsert(INDEXES, List.of()));
        Document sequence;
        try {
            sequence = sequences.findOneAndUpdate(eq("_id", sequenceKey(sequenceId)), update, upsert);
        } catch (MongoCommandException e) {
            // two first enqueues of one sequence raced on the upsert; the document exists now
            if (ErrorCategory.fromErrorCode(e.getErrorCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            sequence = sequences.findOneAndUpdate(eq("_id", sequenceKey(sequenceId)), update, upsert);
        }
        return Objects.requireNonNull(sequence).get(NEXT_INDEX, Number.class).longValue() - 1;
    }

    @Override
    public void evict(DeadLetter<? extends M> letter) {
        MongoDeadLetter<?> stored = asStored(letter, "Evict");
        if (!belongsHere(stored)) {
            log.debug("Not evicting dead letter [{}]: it is not in processing group [{}]", stored.id(), processingGroup);
            return;
        }
        Document after = sequences.findOneAndUpdate(eq("_id", sequenceKey(stored.sequenceIdentifier())),
                                                    pull(INDEXES, stored.index()),
                                                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        long deleted = letters.deleteOne(eq("_id", stored.id())).getDeletedCount();
        log.debug("Evicted dead letter [{}] of processing group [{}]{}", stored.id(), processingGroup,
                 deleted == 0 ? " (it was already gone)" : "");
        if (after != null && indexesOf(after).isEmpty()) {
            forgetIfEmpty(stored.sequenceIdentifier());
        }
    }

    /**
     * Unlists an emptied sequence from the group. Re-reading after the unlisting closes the race with a concurrent
     * enqueue: either it lists the sequence after this unlisting, or its letter is seen here and it is listed again.
     */
    private void forgetIfEmpty(String sequenceId) {
        groups.updateOne(eq("_id", processingGroup), pull(SEQUENCE_IDS, sequenceId));
        Document sequence = sequences.find(eq("_id", sequenceKey(sequenceId))).first();
        if (sequence != null && !indexesOf(sequence).isEmpty()) {
            groups.updateOne(eq("_id", processingGroup), addToSet(SEQUENCE_IDS, sequenceId),
                             new UpdateOptions().upsert(true));
        } else {
            // a claim left by a node that died while processing this sequence
            claims.deleteOne(and(eq("_id", sequenceKey(sequenceId)), lt(CLAIMED_AT, expiredBefore())));
        }
    }

    @Override
    public void requeue(DeadLetter<? extends M> letter, UnaryOperator<DeadLetter<? extends M>> letterUpdater)
            throws NoSuchDeadLetterException {
        MongoDeadLetter<?> stored = asStored(letter, "Requeue");
        if (!belongsHere(stored)) {
            throw new NoSuchDeadLetterException(
                    "Can not find dead letter with id [" + stored.id() + "] in processing group [" + processingGroup + "]");
        }
        DeadLetter<? extends M> updated = letterUpdater.apply(letter).markTouched();
        Cause cause = updated.cause().orElse(null);
        UpdateResult result = letters.updateOne(eq("_id", stored.id()), combine(
                set(LAST_TOUCHED, updated.lastTouched().toString()),
                set(CAUSE_TYPE, cause == null ? null : cause.type()),
                set(CAUSE_MESSAGE, cause == null ? null : cause.message()),
                set(DIAGNOSTICS, new Binary(messages.writeDiagnostics(updated.diagnostics())))));
        if (result.getMatchedCount() == 0) {
            throw new NoSuchDeadLetterException("Can not find dead letter with id [" + stored.id() + "] to requeue.");
        }
        log.debug("Requeued dead letter [{}] of processing group [{}] with cause [{}]", stored.id(), processingGroup,
                 cause);
    }

    private MongoDeadLetter<?> asStored(DeadLetter<? extends M> letter, String operation) {
        if (letter instanceof MongoDeadLetter<?> stored) {
            return stored;
        }
        throw new WrongDeadLetterTypeException(operation + " should be called with a MongoDeadLetter instance. Instead got: ["
                                                       + letter.getClass().getName() + "]");
    }

    private boolean belongsHere(MongoDeadLetter<?> letter) {
        return letter.id().equals(letterKey(letter.sequenceIdentifier(), letter.index()));
    }

    // ---------------------------------------------------------------- reading

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return sequenceSize(sequenceIdentifier) > 0;
    }

    @Override
    public Iterable<DeadLetter<? extends M>> deadLetterSequence(Object sequenceIdentifier) {
        String sequenceId = toSequenceId(sequenceIdentifier);
        return () -> new SequenceIterator(sequenceId);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends M>>> deadLetters() {
        List<Head> heads = heads();
        List<Iterable<DeadLetter<? extends M>>> result = new ArrayList<>(heads.size());
        for (Head head : heads) {
            result.add(deadLetterSequence(head.sequenceId()));
        }
        return result;
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        long inSequence = sequenceSize(sequenceIdentifier);
        return inSequence > 0 ? inSequence >= maxSequenceSize : amountOfSequences() >= maxSequences;
    }

    @Override
    public long size() {
        long size = 0;
        for (Document sequence : sequenceDocuments(listedSequenceIds())) {
            size += indexesOf(sequence).size();
        }
        return size;
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        Document sequence = sequences.find(eq("_id", sequenceKey(toSequenceId(sequenceIdentifier))))
                                     .projection(Projections.include(INDEXES)).first();
        return sequence == null ? 0 : indexesOf(sequence).size();
    }

    @Override
    public long amountOfSequences() {
        return listedSequenceIds().size();
    }

    /** The identifiers of the non-empty sequences, least recently touched first letter first (for admin views). */
    public List<String> sequenceIdentifiers() {
        return heads().stream().map(Head::sequenceId).toList();
    }

    /** The first letter of a sequence, the one {@link #process} would hand to its task next (for admin views). */
    public Optional<MongoDeadLetter<M>> firstLetterOf(Object sequenceIdentifier) {
        return Optional.ofNullable(firstLetter(toSequenceId(sequenceIdentifier)));
    }

    private List<String> listedSequenceIds() {
        Document group = groups.find(eq("_id", processingGroup)).first();
        return group == null ? List.of() : group.getList(SEQUENCE_IDS, String.class, List.of());
    }

    private List<Document> sequenceDocuments(List<String> sequenceIds) {
        List<Document> found = new ArrayList<>(sequenceIds.size());
        for (int from = 0; from < sequenceIds.size(); from += PAGE) {
            List<String> keys = sequenceIds.subList(from, Math.min(sequenceIds.size(), from + PAGE))
                                           .stream().map(this::sequenceKey).toList();
            sequences.find(in("_id", keys)).into(found);
        }
        return found;
    }

    private static List<Long> indexesOf(Document sequence) {
        List<Long> indexes = new ArrayList<>();
        for (Object index : sequence.getList(INDEXES, Object.class, List.of())) {
            indexes.add(((Number) index).longValue());
        }
        indexes.sort(Comparator.naturalOrder());
        return indexes;
    }

    /** The first letter of each non-empty listed sequence, least recently touched first. */
    private List<Head> heads() {
        List<String> listed = listedSequenceIds();
        if (listed.isEmpty()) {
            return List.of();
        }
        Map<String, Head> byKey = new HashMap<>();
        Set<String> empty = new HashSet<>(listed);
        for (Document sequence : sequenceDocuments(listed)) {
            List<Long> indexes = indexesOf(sequence);
            String sequenceId = sequence.getString(SEQUENCE_IDENTIFIER);
            if (!indexes.isEmpty()) {
                empty.remove(sequenceId);
                String key = letterKey(sequenceId, indexes.get(0));
                byKey.put(key, new Head(sequenceId, indexes.get(0), null));
            }
        }
        // listed but empty: an eviction was interrupted before unlisting it
        empty.forEach(this::forgetIfEmpty);

        List<Head> heads = new ArrayList<>(byKey.size());
        List<String> keys = new ArrayList<>(byKey.keySet());
        for (int from = 0; from < keys.size(); from += PAGE) {
            List<String> page = keys.subList(from, Math.min(keys.size(), from + PAGE));
            for (Document letter : letters.find(in("_id", page)).projection(Projections.include(LAST_TOUCHED))) {
                Head head = byKey.remove(letter.getString("_id"));
                heads.add(new Head(head.sequenceId(), head.index(), Instant.parse(letter.getString(LAST_TOUCHED))));
            }
        }
        // a listed index without its letter document (not left by this class's write order): use the next letter
        for (Head missing : byKey.values()) {
            MongoDeadLetter<M> first = firstLetter(missing.sequenceId());
            if (first != null) {
                heads.add(new Head(missing.sequenceId(), first.index(), first.lastTouched()));
            }
        }
        heads.sort(Comparator.comparing(Head::lastTouched).thenComparing(Head::sequenceId));
        return heads;
    }

    private record Head(String sequenceId, long index, Instant lastTouched) {
    }

    /**
     * The first letter still in the sequence, or null when it is empty. Indexes whose letter document is missing
     * (only possible if someone deleted letter documents by hand) are unlisted and skipped.
     */
    private MongoDeadLetter<M> firstLetter(String sequenceId) {
        Document sequence = sequences.find(eq("_id", sequenceKey(sequenceId))).first();
        if (sequence == null) {
            return null;
        }
        for (long index : indexesOf(sequence)) {
            Document letter = letters.find(eq("_id", letterKey(sequenceId, index))).first();
            if (letter != null) {
                return toLetter(letter);
            }
            // never transient: enqueue writes the letter before listing it, evict unlists it before deleting it
            log.warn("Dead-letter sequence [{}] of processing group [{}] listed index {} without a letter; unlisting it",
                     sequenceId, processingGroup, index);
            sequences.updateOne(eq("_id", sequenceKey(sequenceId)), pull(INDEXES, index));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private MongoDeadLetter<M> toLetter(Document letter) {
        String causeType = letter.getString(CAUSE_TYPE);
        Cause cause = causeType == null ? null : new ThrowableCause(causeType, letter.getString(CAUSE_MESSAGE));
        return new MongoDeadLetter<>(letter.getString("_id"),
                                     letter.get(INDEX, Number.class).longValue(),
                                     letter.getString(SEQUENCE_IDENTIFIER),
                                     Instant.parse(letter.getString(ENQUEUED_AT)),
                                     Instant.parse(letter.getString(LAST_TOUCHED)),
                                     cause,
                                     messages.readDiagnostics(letter.get(DIAGNOSTICS, Binary.class)),
                                     (M) messages.read(letter));
    }

    private static void writeCause(Document document, Cause cause) {
        document.append(CAUSE_TYPE, cause == null ? null : cause.type())
                .append(CAUSE_MESSAGE, cause == null ? null : cause.message());
    }

    /** Reads one sequence in index order, {@value #PAGE} letters per round trip, as of when iteration starts. */
    private final class SequenceIterator implements Iterator<DeadLetter<? extends M>> {
        private final String sequenceId;
        private final List<Long> indexes;
        private int position;
        private final List<MongoDeadLetter<M>> page = new ArrayList<>();
        private int inPage;

        private SequenceIterator(String sequenceId) {
            this.sequenceId = sequenceId;
            Document sequence = sequences.find(eq("_id", sequenceKey(sequenceId))).first();
            this.indexes = sequence == null ? List.of() : indexesOf(sequence);
        }

        @Override
        public boolean hasNext() {
            while (inPage >= page.size()) {
                if (position >= indexes.size()) {
                    return false;
                }
                loadPage();
            }
            return true;
        }

        private void loadPage() {
            page.clear();
            inPage = 0;
            List<Long> wanted = indexes.subList(position, Math.min(indexes.size(), position + PAGE));
            position += wanted.size();
            Map<Long, Document> found = new HashMap<>();
            List<String> keys = wanted.stream().map(index -> letterKey(sequenceId, index)).toList();
            for (Document letter : letters.find(in("_id", keys))) {
                found.put(letter.get(INDEX, Number.class).longValue(), letter);
            }
            for (long index : wanted) {
                Document letter = found.get(index);
                if (letter != null) {
                    page.add(toLetter(letter));
                }
            }
        }

        @Override
        public DeadLetter<? extends M> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.get(inPage++);
        }
    }

    // ---------------------------------------------------------------- processing

    @Override
    public boolean process(Predicate<DeadLetter<? extends M>> sequenceFilter,
                           Function<DeadLetter<? extends M>, EnqueueDecision<M>> processingTask) {
        List<Head> heads = heads();
        if (heads.isEmpty()) {
            log.debug("No dead letters to process in processing group [{}]", processingGroup);
            return false;
        }
        Set<String> claimedByOthers = liveClaims(heads);
        for (Head head : heads) {
            if (claimedByOthers.contains(sequenceKey(head.sequenceId()))) {
                continue;
            }
            Document first = letters.find(eq("_id", letterKey(head.sequenceId(), head.index()))).first();
            if (first == null || !sequenceFilter.test(toLetter(first))) {
                continue;
            }
            Claim claim = claim(head.sequenceId());
            if (claim == null) {
                continue;
            }
            try {
                // the sequence may have moved on between reading its head and claiming it
                MongoDeadLetter<M> current = firstLetter(head.sequenceId());
                if (current == null || (current.index() != head.index() && !sequenceFilter.test(current))) {
                    continue;
                }
                return processSequence(current, claim, processingTask);
            } finally {
                release(claim);
            }
        }
        log.debug("No claimable and matching dead letters in processing group [{}]", processingGroup);
        return false;
    }

    private boolean processSequence(MongoDeadLetter<M> first, Claim claim,
                                    Function<DeadLetter<? extends M>, EnqueueDecision<M>> processingTask) {
        MongoDeadLetter<M> letter = first;
        while (letter != null) {
            EnqueueDecision<M> decision = processingTask.apply(letter);
            if (decision.shouldEnqueue()) {
                requeue(letter, l -> decision.withDiagnostics(l).withCause(decision.enqueueCause().orElse(null)));
                return false;
            }
            evict(letter);
            if (!extend(claim)) {
                log.warn("Lost the claim on dead-letter sequence [{}] of processing group [{}] (held longer than {}); "
                                 + "stopping", letter.sequenceIdentifier(), processingGroup, claimDuration);
                return false;
            }
            letter = firstLetter(letter.sequenceIdentifier());
        }
        return true;
    }

    private record Claim(String key, String owner) {
    }

    private long expiredBefore() {
        return GenericDeadLetter.clock.millis() - claimDuration.toMillis();
    }

    private Set<String> liveClaims(List<Head> heads) {
        Set<String> live = new HashSet<>();
        List<String> keys = heads.stream().map(head -> sequenceKey(head.sequenceId())).toList();
        long expiredBefore = expiredBefore();
        for (int from = 0; from < keys.size(); from += PAGE) {
            for (Document claim : claims.find(in("_id", keys.subList(from, Math.min(keys.size(), from + PAGE))))) {
                if (claim.get(CLAIMED_AT, Number.class).longValue() >= expiredBefore) {
                    live.add(claim.getString("_id"));
                }
            }
        }
        return live;
    }

    /** Claims a sequence for this process call, taking over a claim older than the claim duration; null if taken. */
    private Claim claim(String sequenceId) {
        String key = sequenceKey(sequenceId);
        String owner = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                claims.insertOne(new Document("_id", key).append(PROCESSING_GROUP, processingGroup)
                                                         .append(SEQUENCE_IDENTIFIER, sequenceId)
                                                         .append(OWNER, owner).append(NODE, node)
                                                         .append(CLAIMED_AT, GenericDeadLetter.clock.millis()));
                return new Claim(key, owner);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = claims.find(eq("_id", key)).first();
            if (existing != null) {
                long claimedAt = existing.get(CLAIMED_AT, Number.class).longValue();
                if (claimedAt >= expiredBefore()) {
                    return null;
                }
                log.info("Taking over the expired claim of {} on dead-letter sequence [{}] of processing group [{}]",
                         existing.getString(NODE), sequenceId, processingGroup);
                // only the expired claim as read: a fresher one taken meanwhile by another node stays
                claims.deleteOne(and(eq("_id", key), eq(OWNER, existing.getString(OWNER)), eq(CLAIMED_AT, claimedAt)));
            }
        }
        return null;
    }

    private boolean extend(Claim claim) {
        return claims.updateOne(and(eq("_id", claim.key()), eq(OWNER, claim.owner())),
                                set(CLAIMED_AT, GenericDeadLetter.clock.millis())).getMatchedCount() > 0;
    }

    private void release(Claim claim) {
        claims.deleteOne(and(eq("_id", claim.key()), eq(OWNER, claim.owner())));
    }

    // ---------------------------------------------------------------- clear

    @Override
    public void clear() {
        List<String> listed = listedSequenceIds();
        for (Document sequence : sequenceDocuments(listed)) {
            String sequenceId = sequence.getString(SEQUENCE_IDENTIFIER);
            List<Long> indexes = indexesOf(sequence);
            for (int from = 0; from < indexes.size(); from += PAGE) {
                List<Long> page = indexes.subList(from, Math.min(indexes.size(), from + PAGE));
                sequences.updateOne(eq("_id", sequenceKey(sequenceId)), pullAll(INDEXES, page));
                letters.deleteMany(in("_id", page.stream().map(index -> letterKey(sequenceId, index)).toList()));
            }
        }
        for (String sequenceId : listed) {
            forgetIfEmpty(sequenceId);
        }
        log.info("Cleared all dead letters of processing group [{}]", processingGroup);
    }
}
