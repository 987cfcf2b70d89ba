package uk.customerhub.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.nio.charset.StandardCharsets;

/**
 * The personal part of a contact: what the customer said or asked, in free text ({@code summary}, at most
 * {@link Limits#SUMMARY} characters), and — for a webchat session or an e-mail — the whole {@code transcript} or
 * message body, at most {@link Limits#TRANSCRIPT} bytes in UTF-8. The transcript is optional and, when absent, left
 * out of the stored form, so contacts recorded before it existed keep their shape.
 */
public record ContactNarrative(String summary,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String transcript) {
    @JsonCreator
    public ContactNarrative {
        summary = Require.text("summary", summary, Limits.SUMMARY);
        if (transcript != null && transcript.isBlank()) {
            transcript = null;
        }
        if (transcript != null && transcript.getBytes(StandardCharsets.UTF_8).length > Limits.TRANSCRIPT) {
            throw new InvalidInputException("transcript", "must be at most " + Limits.TRANSCRIPT + " bytes (100 KB)");
        }
    }

    /** A narrative of a summary alone. */
    public ContactNarrative(String summary) {
        this(summary, null);
    }

    /**
     * Without a transcript, the text of the record as it was before transcripts existed: contact fingerprints are
     * digests of a command's text ({@code toString}), so a contact recorded then is still recognised when retried now.
     */
    @Override
    public String toString() {
        return transcript == null
                ? "ContactNarrative[summary=" + summary + "]"
                : "ContactNarrative[summary=" + summary + ", transcript=" + transcript + "]";
    }
}
