package uk.customerhub.projections.customerview;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;

import java.util.List;

/**
 * Empties the single view when its processor is reset for a replay, so the replay rebuilds it from the first event.
 * (The projection skips events at or below a view's stored position, so without this a replay would change nothing.)
 */
@ProcessingGroup(CustomerViewProjection.PROCESSING_GROUP)
public class CustomerViewReset {
    static final List<String> COLLECTIONS = List.of(CustomerViewStore.VIEWS, CustomerViewStore.LOOKUPS,
            TimelineNumbering.ALL_ENTRIES.collection(), TimelineNumbering.RESIDENT_VISIBLE.collection(),
            TimelineFilters.COLLECTION);

    private final MongoDatabase database;

    public CustomerViewReset(MongoDatabase database) {
        this.database = database;
    }

    @ResetHandler
    public void emptyTheSingleView() {
        COLLECTIONS.forEach(name -> database.getCollection(name).drop());
    }
}
