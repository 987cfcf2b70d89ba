package uk.customerhub.infra.eventstore.tokens;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.size;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.pullAll;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

/**
 * Axon's {@link TokenStore} on MongoDB in which every read is an equality or {@code $in} lookup on {@code _id}, so
 * its cost does not grow with anything (the embedded server has only unique hash indexes; a real MongoDB uses its
 * {@code _id} B-tree). No multi-document transactions are used.
 *
 * <h2>Documents</h2>
 * <ul>
 *     <li>{@value #TOKENS} — one per segment, {@code _id = processorName + "/" + segment}: {@code processorName},
 *     {@code segment}, {@code token} (the token serialized to bytes by the given {@link Serializer}, or null),
 *     {@code tokenType}, {@code owner} (node id or null) and {@code timestamp} (epoch millis of the last claim,
 *     extension, store or release).</li>
 *     <li>{@value #PROCESSORS} — one per processor, {@code _id = processorName}: {@code segments}, the ids of its
 *     segments, so {@link #fetchSegments} and {@link #fetchAvailableSegments} need no query by processor name.
 *     While {@link #initializeTokenSegments} runs it also carries {@code initializingBy}/{@code initializingSince}.
 *     This list decides which segments exist: a token document it does not list is an orphan of an interrupted
 *     {@link #initializeSegment} and is overwritten by the next initialization of that segment.</li>
 *     <li>{@value #CONFIG} — {@code _id = "storage"}, holding the {@link #retrieveStorageIdentifier() storage id}.</li>
 * </ul>
 *
 * <h2>Claims</h2>
 * A claim is taken, kept and given up with single-document conditional updates whose filter is
 * {@code _id} AND (owner is this node OR owner is null OR the claim is older than the claim timeout); MongoDB applies
 * each atomically, so two nodes never both own a segment. On the embedded server a filter with more than {@code _id}
 * is answered by scanning the collection; these collections hold one document per processor segment (tens), which
 * does not grow with the events stored.
 *
 * <h2>Crash windows (no transactions)</h2>
 * <ul>
 *     <li>{@link #initializeSegment} writes the token document first, then lists it: a crash between leaves an
 *     unlisted orphan, i.e. the split did not happen.</li>
 *     <li>{@link #deleteToken} deletes the token document first, then unlists it: a crash between leaves a listed
 *     segment without a token; the next {@link #fetchAvailableSegments} completes the removal.</li>
 *     <li>A merge is {@code deleteToken} followed by {@code storeToken} of the merged token (two calls, in Axon's
 *     processors as well); a crash between them leaves the kept segment covering both halves from its own token,
 *     as with any non-transactional Axon token store.</li>
 * </ul>
 */
public class MongoTokenStore implements TokenStore {
    private static final Logger log = LoggerFactory.getLogger(MongoTokenStore.class);

    public static final String TOKENS = "tracking_tokens";
    public static final String PROCESSORS = "token_processors";
    public static final String CONFIG = "token_store_config";

    private static final String STORAGE_ID = "storage";
    private static final String PROCESSOR_NAME = "processorName";
    private static final String SEGMENT = "segment";
    private static final String TOKEN = "token";
    private static final String TOKEN_TYPE = "tokenType";
    private static final String OWNER = "owner";
    private static final String TIMESTAMP = "timestamp";
    private static final String SEGMENTS = "segments";
    private static final String INITIALIZING_BY = "initializingBy";
    private static final String INITIALIZING_SINCE = "initializingSince";

    private final MongoCollection<Document> tokens;
    private final MongoCollection<Document> processors;
    private final MongoCollection<Document> config;
    private final Serializer serializer;
    private final Duration claimTimeout;
    private final String nodeId;
    private final Clock clock;

    public MongoTokenStore(MongoDatabase database, Serializer serializer, Duration claimTimeout, String nodeId) {
        this(database, serializer, claimTimeout, nodeId, Clock.systemUTC());
    }

    /** As the main constructor, with the clock used for claim timestamps (tests move it to expire claims). */
    public MongoTokenStore(MongoDatabase database, Serializer serializer, Duration claimTimeout, String nodeId,
                           Clock clock) {
        Objects.requireNonNull(database, "database");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.claimTimeout = Objects.requireNonNull(claimTimeout, "claimTimeout");
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId must not be empty");
        }
        this.nodeId = nodeId;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = database.getCollection(TOKENS);
        this.processors = database.getCollection(PROCESSORS);
        this.config = database.getCollection(CONFIG);
    }

    public String nodeId() {
        return nodeId;
    }

    static String tokenId(String processorName, int segment) {
        return processorName + "/" + segment;
    }

    // ---------------------------------------------------------------- initialization

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount)
            throws UnableToClaimTokenException {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    /**
     * Creates segments {@code 0..segmentCount-1}, unclaimed, holding {@code initialToken}. Fails with
     * {@link UnableToClaimTokenException} (as Axon's JDBC, JPA and in-memory stores do) when the processor already has
     * segments or another node is initializing it right now.
     */
    @Override
    public void initializeTokenSegments(String processorName, int segmentCount,
                                        TrackingToken initialToken) throws UnableToClaimTokenException {
        claimInitialization(processorName);
        long now = clock.millis();
        for (int segment = 0; segment < segmentCount; segment++) {
            // replace, not insert: a token document the processor does not list is an orphan and is overwritten
            tokens.replaceOne(eq("_id", tokenId(processorName, segment)),
                              tokenDocument(processorName, segment, initialToken, now),
                              new ReplaceOptions().upsert(true));
        }
        List<Integer> segments = IntStream.range(0, segmentCount).boxed().toList();
        processors.updateOne(eq("_id", processorName),
                             combine(set(SEGMENTS, segments), unset(INITIALIZING_BY), unset(INITIALIZING_SINCE)));
    }

    private void claimInitialization(String processorName) {
        long now = clock.millis();
        try {
            processors.insertOne(new Document("_id", processorName)
                                         .append(SEGMENTS, List.of())
                                         .append(INITIALIZING_BY, nodeId)
                                         .append(INITIALIZING_SINCE, now));
            return;
        } catch (MongoWriteException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
        }
        // The processor is known: initialize only if it has no segments and nobody else is initializing it.
        UpdateResult result = processors.updateOne(
                and(eq("_id", processorName), size(SEGMENTS, 0),
                    or(eq(INITIALIZING_BY, null), eq(INITIALIZING_BY, nodeId),
                       lt(INITIALIZING_SINCE, now - claimTimeout.toMillis()))),
                combine(set(INITIALIZING_BY, nodeId), set(INITIALIZING_SINCE, now)));
        if (result.getMatchedCount() == 0) {
            throw new UnableToClaimTokenException(
                    "Could not initialize segments of processor '" + processorName
                            + "'. Some segments were already present, or another node is initializing them.");
        }
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment)
            throws UnableToInitializeTokenException {
        String id = tokenId(processorName, segment);
        Document document = tokenDocument(processorName, segment, token, clock.millis());
        try {
            tokens.insertOne(document);
        } catch (MongoWriteException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            if (listedSegments(processorName).contains(segment)) {
                throw new UnableToInitializeTokenException(
                        "Unable to initialize token '" + processorName + "[" + segment + "]': it already exists");
            }
            log.info("Token document {} was an orphan of an interrupted initialization; overwriting it", id);
            tokens.replaceOne(eq("_id", id), document);
        }
        processors.updateOne(eq("_id", processorName), addToSet(SEGMENTS, segment), new UpdateOptions().upsert(true));
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return true;
    }

    // ---------------------------------------------------------------- claims

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment)
            throws UnableToClaimTokenException {
        long now = clock.millis();
        SerializedObject<byte[]> serialized = serialize(token);
        UpdateResult result = tokens.updateOne(
                claimableBy(processorName, segment, now),
                combine(set(OWNER, nodeId), set(TIMESTAMP, now),
                        set(TOKEN, serialized == null ? null : new Binary(serialized.getData())),
                        set(TOKEN_TYPE, serialized == null ? null : serialized.getType().getName())));
        if (result.getMatchedCount() == 0) {
            throw unableToClaim(processorName, segment);
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return claim(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment)
            throws UnableToClaimTokenException {
        TreeSet<Integer> listed = listedSegments(processorName);
        if (!listed.contains(segment.mergeableSegmentId())) {
            throw new UnableToClaimTokenException("Unable to claim token '" + processorName + "["
                                                          + segment.getSegmentId()
                                                          + "]'. It has been merged with another segment");
        }
        if (listed.contains(segment.splitSegmentId())) {
            throw new UnableToClaimTokenException("Unable to claim token '" + processorName + "["
                                                          + segment.getSegmentId()
                                                          + "]'. It has been split into two segments");
        }
        return claim(processorName, segment.getSegmentId());
    }

    private TrackingToken claim(String processorName, int segment) {
        long now = clock.millis();
        Document claimed = tokens.findOneAndUpdate(
                claimableBy(processorName, segment, now),
                combine(set(OWNER, nodeId), set(TIMESTAMP, now)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            throw unableToClaim(processorName, segment);
        }
        return deserialize(claimed);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        UpdateResult result = tokens.updateOne(
                and(eq("_id", tokenId(processorName, segment)), eq(OWNER, nodeId)),
                set(TIMESTAMP, clock.millis()));
        if (result.getMatchedCount() == 0) {
            throw new UnableToClaimTokenException(
                    "Unable to extend the claim on token '" + processorName + "[" + segment
                            + "]'. It is either claimed by another node, or there is no such token.");
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        UpdateResult result = tokens.updateOne(
                and(eq("_id", tokenId(processorName, segment)), eq(OWNER, nodeId)),
                combine(set(OWNER, null), set(TIMESTAMP, clock.millis())));
        if (result.getMatchedCount() == 0) {
            log.debug("Releasing the claim on token {}[{}] did nothing: this node ({}) did not own it",
                      processorName, segment, nodeId);
        }
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        long deleted = tokens.deleteOne(and(eq("_id", tokenId(processorName, segment)), eq(OWNER, nodeId)))
                             .getDeletedCount();
        if (deleted == 0) {
            throw new UnableToClaimTokenException(
                    "Unable to remove token '" + processorName + "[" + segment + "]'. It is not owned by " + nodeId);
        }
        processors.updateOne(eq("_id", processorName), pull(SEGMENTS, segment));
    }

    // ---------------------------------------------------------------- segments

    @Override
    public int[] fetchSegments(String processorName) {
        return listedSegments(processorName).stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        TreeSet<Integer> listed = listedSegments(processorName);
        if (listed.isEmpty()) {
            return List.of();
        }
        Map<Integer, Document> byId = new HashMap<>();
        List<String> ids = listed.stream().map(segment -> tokenId(processorName, segment)).toList();
        for (Document document : tokens.find(in("_id", ids)).projection(Projections.include(SEGMENT, OWNER, TIMESTAMP))) {
            byId.put(document.getInteger(SEGMENT), document);
        }
        List<Integer> missing = listed.stream().filter(segment -> !byId.containsKey(segment)).toList();
        if (!missing.isEmpty()) {
            // listed without a token document: a deleteToken was interrupted between its two writes; complete it
            log.warn("Processor {} lists segments {} that have no token; removing them from its list",
                     processorName, missing);
            processors.updateOne(eq("_id", processorName), pullAll(SEGMENTS, missing));
            listed.removeAll(missing);
        }
        int[] all = listed.stream().mapToInt(Integer::intValue).toArray();
        long now = clock.millis();
        List<Segment> available = new ArrayList<>();
        for (int segment : all) {
            if (mayClaim(byId.get(segment), now)) {
                available.add(Segment.computeSegment(segment, all));
            }
        }
        return available;
    }

    private TreeSet<Integer> listedSegments(String processorName) {
        Document processor = processors.find(eq("_id", processorName)).first();
        TreeSet<Integer> segments = new TreeSet<>();
        if (processor != null) {
            Collection<?> listed = processor.getList(SEGMENTS, Object.class, List.of());
            for (Object segment : listed) {
                segments.add(((Number) segment).intValue());
            }
        }
        return segments;
    }

    // ---------------------------------------------------------------- storage identifier

    @Override
    public Optional<String> retrieveStorageIdentifier() throws UnableToRetrieveIdentifierException {
        try {
            Document existing = config.find(eq("_id", STORAGE_ID)).first();
            if (existing == null) {
                try {
                    config.insertOne(new Document("_id", STORAGE_ID).append("id", UUID.randomUUID().toString()));
                } catch (MongoWriteException e) {
                    if (!isDuplicateKey(e)) {
                        throw e;
                    }
                }
                existing = config.find(eq("_id", STORAGE_ID)).first();
            }
            return Optional.of(Objects.requireNonNull(existing, "storage identifier document vanished").getString("id"));
        } catch (RuntimeException e) {
            throw new UnableToRetrieveIdentifierException("Could not read or create the token store's identifier", e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Bson claimableBy(String processorName, int segment, long now) {
        return and(eq("_id", tokenId(processorName, segment)),
                   or(eq(OWNER, nodeId), eq(OWNER, null), lt(TIMESTAMP, now - claimTimeout.toMillis())));
    }

    private boolean mayClaim(Document token, long now) {
        String owner = token.getString(OWNER);
        Number timestamp = token.get(TIMESTAMP, Number.class);
        return owner == null || owner.equals(nodeId)
                || (timestamp != null && timestamp.longValue() < now - claimTimeout.toMillis());
    }

    private UnableToClaimTokenException unableToClaim(String processorName, int segment) {
        Document current = tokens.find(eq("_id", tokenId(processorName, segment)))
                                 .projection(Projections.include(OWNER)).first();
        if (current == null) {
            return new UnableToClaimTokenException(
                    "Unable to claim token '" + processorName + "[" + segment + "]'. It has not been initialized yet");
        }
        return new UnableToClaimTokenException(
                "Unable to claim token '" + processorName + "[" + segment + "]'. It is owned by '"
                        + current.getString(OWNER) + "'");
    }

    private Document tokenDocument(String processorName, int segment, TrackingToken token, long now) {
        SerializedObject<byte[]> serialized = serialize(token);
        return new Document("_id", tokenId(processorName, segment))
                .append(PROCESSOR_NAME, processorName)
                .append(SEGMENT, segment)
                .append(OWNER, null)
                .append(TIMESTAMP, now)
                .append(TOKEN, serialized == null ? null : new Binary(serialized.getData()))
                .append(TOKEN_TYPE, serialized == null ? null : serialized.getType().getName());
    }

    private SerializedObject<byte[]> serialize(TrackingToken token) {
        return token == null ? null : serializer.serialize(token, byte[].class);
    }

    private TrackingToken deserialize(Document document) {
        Binary data = document.get(TOKEN, Binary.class);
        String type = document.getString(TOKEN_TYPE);
        if (data == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data.getData(), byte[].class, type, null));
    }

    static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
