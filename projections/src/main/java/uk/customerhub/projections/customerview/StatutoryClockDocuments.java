package uk.customerhub.projections.customerview;

import org.bson.Document;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.StatutoryClockKind;
import uk.customerhub.api.StatutoryClockStatus;
import uk.customerhub.api.StatutoryClockStopReason;
import uk.customerhub.api.StatutoryClockView;
import uk.customerhub.api.Visibility;

import java.time.LocalDate;

/** How a statutory clock is stored in the single view: due dates as ISO dates ({@code 2027-01-26}). */
final class StatutoryClockDocuments {
    static final String CLOCK_ID = "clockId";

    private StatutoryClockDocuments() {
    }

    static Document toDocument(StatutoryClockView clock) {
        return new Document(CLOCK_ID, clock.clockId())
                .append("contactId", clock.contactId())
                .append("kind", BsonValues.name(clock.kind()))
                .append("stage", clock.stage())
                .append("receivedAt", BsonValues.date(clock.receivedAt()))
                .append("dueDate", clock.dueDate().toString())
                .append("status", BsonValues.name(clock.status()))
                .append("stoppedAt", BsonValues.date(clock.stoppedAt()))
                .append("stopReason", BsonValues.name(clock.stopReason()))
                .append("visibility", BsonValues.name(clock.visibility()))
                .append("specialism", BsonValues.name(clock.specialism()));
    }

    static StatutoryClockView fromDocument(Document document) {
        return new StatutoryClockView(document.getString(CLOCK_ID),
                document.getString("contactId"),
                BsonValues.enumValue(StatutoryClockKind.class, document, "kind"),
                document.getInteger("stage"),
                BsonValues.instant(document, "receivedAt"),
                LocalDate.parse(document.getString("dueDate")),
                BsonValues.enumValue(StatutoryClockStatus.class, document, "status"),
                BsonValues.instant(document, "stoppedAt"),
                BsonValues.enumValue(StatutoryClockStopReason.class, document, "stopReason"),
                BsonValues.enumValue(Visibility.class, document, "visibility"),
                BsonValues.enumValue(Specialism.class, document, "specialism"));
    }
}
