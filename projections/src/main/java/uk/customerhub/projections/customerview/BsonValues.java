package uk.customerhub.projections.customerview;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/** Conversions between Java values and how this package stores them: instants as BSON dates, enums by name. */
final class BsonValues {
    private BsonValues() {
    }

    /** A BSON date (millisecond precision) of {@code instant}, or null. */
    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document document, String key) {
        Date date = document.getDate(key);
        return date == null ? null : date.toInstant();
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, Document document, String key) {
        String name = document.getString(key);
        return name == null ? null : Enum.valueOf(type, name);
    }
}
