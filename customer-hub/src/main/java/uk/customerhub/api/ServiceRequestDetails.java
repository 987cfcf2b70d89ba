package uk.customerhub.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The personal part of a service request: the customer's description, the answers to the service's questions, and
 * where; optionally {@code mediaUrl}, a link to a photo of the problem (Open311's {@code media_url}: an http or https
 * URL of at most {@value #MAX_MEDIA_URL} characters). Absent, the media URL is left out of the stored form and of the
 * record's text, so requests raised before it existed keep their shape and their fingerprints.
 */
public record ServiceRequestDetails(String description, Map<String, String> attributes, ServiceLocation location,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) String mediaUrl) {
    /** The longest media URL accepted. */
    public static final int MAX_MEDIA_URL = 2_000;

    @JsonCreator
    public ServiceRequestDetails {
        description = Require.text("description", description, Limits.SUMMARY);
        if (attributes != null && attributes.size() > Limits.ATTRIBUTES) {
            throw new InvalidInputException("attributes", "must have at most " + Limits.ATTRIBUTES + " entries");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        if (attributes != null) {
            attributes.forEach((code, answer) -> sorted.put(
                    Require.id("attributes", code),
                    Require.text("attributes." + code, answer, Limits.ATTRIBUTE_VALUE)));
        }
        attributes = Collections.unmodifiableSortedMap(sorted);
        mediaUrl = checkedMediaUrl(mediaUrl);
    }

    /** Details without a media URL. */
    public ServiceRequestDetails(String description, Map<String, String> attributes, ServiceLocation location) {
        this(description, attributes, location, null);
    }

    private static String checkedMediaUrl(String mediaUrl) {
        String url = Require.optionalText("mediaUrl", mediaUrl, MAX_MEDIA_URL);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidInputException("mediaUrl", "must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("mediaUrl", "must be an http or https URL");
        }
        return url;
    }

    /**
     * Without a media URL, the text of the record as it was before media URLs existed: contact fingerprints are
     * digests of a command's text ({@code toString}), so a request raised then is still recognised when retried now.
     */
    @Override
    public String toString() {
        String before = "ServiceRequestDetails[description=" + description + ", attributes=" + attributes
                + ", location=" + location;
        return mediaUrl == null ? before + "]" : before + ", mediaUrl=" + mediaUrl + "]";
    }
}
