package uk.customerhub.infra.eventstore.tokens;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command the token store sends names its documents by {@code _id}: reads of the segment list and the
 * configuration by {@code _id} alone, token reads by {@code _id} or {@code _id $in}, and claims as {@code _id} AND an
 * owner condition (on a collection of one document per processor segment). No count, aggregate or sort is sent.
 */
@Timeout(30)
class MongoTokenStoreQueryTest {
    private EmbeddedMongo mongo;

    @BeforeEach
    void start() {
        mongo = new EmbeddedMongo();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void every_command_names_its_documents_by_id() {
        MongoTokenStore store = new MongoTokenStore(mongo.database(), JacksonSerializer.defaultSerializer(),
                                                    Duration.ofSeconds(10), "node-a");
        MongoTokenStore other = new MongoTokenStore(mongo.database(), JacksonSerializer.defaultSerializer(),
                                                    Duration.ofSeconds(10), "node-b");
        mongo.forgetCommands();

        store.initializeTokenSegments("p", 2, new GlobalSequenceTrackingToken(0));
        store.fetchSegments("p");
        store.fetchAvailableSegments("p");
        store.fetchToken("p", 0);
        store.fetchToken("p", Segment.computeSegment(1, 0, 1));
        store.storeToken(new GlobalSequenceTrackingToken(5), "p", 0);
        store.extendClaim("p", 0);
        try {
            other.fetchToken("p", 0);
        } catch (RuntimeException expected) {
            // refused: it is node A's
        }
        store.initializeSegment(null, "p", 2);
        store.deleteToken("p", 1);
        store.releaseClaim("p", 0);
        store.retrieveStorageIdentifier();

        List<String> seen = new ArrayList<>();
        for (BsonDocument command : mongo.commands()) {
            String name = command.getFirstKey();
            switch (name) {
                case "find" -> assertIdFilter(command.getDocument("filter"), command);
                case "findAndModify" -> assertIdFilter(command.getDocument("query"), command);
                case "update" -> command.getArray("updates").forEach(u -> assertIdFilter(u.asDocument().getDocument("q"), command));
                case "delete" -> command.getArray("deletes").forEach(d -> assertIdFilter(d.asDocument().getDocument("q"), command));
                case "insert", "hello", "isMaster", "ismaster", "buildinfo", "endSessions", "killCursors", "getMore" -> {
                }
                default -> throw new AssertionError("unexpected command " + command.toJson());
            }
            seen.add(name);
            if (command.containsKey("sort")) {
                throw new AssertionError("sorted query " + command.toJson());
            }
        }
        assertThat(seen).contains("find", "findAndModify", "update", "delete", "insert");
    }

    /** The filter is {_id: v}, {_id: {$in: [...]}}, or an $and whose first part is {_id: v}. */
    private static void assertIdFilter(BsonDocument filter, BsonDocument command) {
        BsonDocument idPart = filter.containsKey("$and") ? filter.getArray("$and").get(0).asDocument() : filter;
        assertThat(idPart.keySet()).as(command.toJson()).containsExactly("_id");
        BsonValue id = idPart.get("_id");
        assertThat(id.isString() || (id.isDocument() && id.asDocument().keySet().equals(Set.of("$in"))))
                .as(command.toJson()).isTrue();
        if (!filter.containsKey("$and")) {
            assertThat(filter.keySet()).as(command.toJson()).containsExactly("_id");
        }
    }
}
