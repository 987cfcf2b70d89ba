package uk.customerhub.channels.open311;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered field maps for Open311 answers, and the specification's date and time format. */
final class Open311Fields {
    private Open311Fields() {
    }

    /** A map of the given name/value pairs, in order (values may be null). */
    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** W3C date and time in UTC to the second ({@code 2026-03-02T09:00:00Z}); null stays null. */
    static String datetime(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
