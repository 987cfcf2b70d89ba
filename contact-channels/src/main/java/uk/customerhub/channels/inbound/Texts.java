package uk.customerhub.channels.inbound;

import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.Limits;

import java.time.Duration;
import java.time.Instant;

/** Small helpers the adapters share to write a contact's summary from what a channel system sent. */
public final class Texts {
    private Texts() {
    }

    /** The first line of {@code text}, cut to {@code max} characters (with an ellipsis when cut). */
    public static String firstLine(String text, int max) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.length() <= max ? line : line.substring(0, max - 1).strip() + "…";
    }

    /** A summary built by an adapter, refused naming {@code field} (what the client sent) when past the limit. */
    public static String summary(String field, String summary) {
        if (summary.strip().length() > Limits.SUMMARY) {
            throw new InvalidInputException(field, "makes a summary longer than " + Limits.SUMMARY + " characters");
        }
        return summary;
    }

    /** "4 min 12 s" between two instants, or null when either is absent; refuses an end before the start. */
    public static String duration(String endField, Instant start, Instant end) {
        if (start == null || end == null) {
            return null;
        }
        if (end.isBefore(start)) {
            throw new InvalidInputException(endField, "must not be before the start");
        }
        Duration length = Duration.between(start, end);
        long minutes = length.toMinutes();
        long seconds = length.minusMinutes(minutes).getSeconds();
        if (minutes == 0) {
            return seconds + " s";
        }
        return seconds == 0 ? minutes + " min" : minutes + " min " + seconds + " s";
    }
}
