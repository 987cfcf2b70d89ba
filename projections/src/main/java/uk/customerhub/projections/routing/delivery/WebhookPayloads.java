package uk.customerhub.projections.routing.delivery;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of the hub's webhooks, as Standard Webhooks has them: {@code {"type", "timestamp", "data"}}, in UTF-8
 * JSON of at most {@value #MAX_BYTES} bytes. A request whose description and answers would make it larger is sent
 * with those texts cut short (each ending in "…"), the longest first, and {@code "truncated": true} with the names of
 * the cut fields under {@code "truncated_fields"}, so the provider knows to look the request up.
 */
public final class WebhookPayloads {
    /** New work for the provider. */
    public static final String ROUTED = "service_request.routed";
    /** The request was re-routed away from the provider: it is no longer theirs. */
    public static final String CANCELLED = "service_request.cancelled";
    /** The largest body sent (20 KB). */
    public static final int MAX_BYTES = 20 * 1024;

    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private WebhookPayloads() {
    }

    /**
     * A {@value #ROUTED} body from the request's stored details ({@link DeliveryRequestDetails}; empty when the hub
     * kept none, e.g. a request raised before delivery existed: then only what the route says is sent).
     */
    public static String routed(Instant timestamp, String serviceRequestId, String serviceCode, String providerId,
                                Integer serviceVersion, Document details) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service_request_id", serviceRequestId);
        data.put("service_code", serviceCode);
        Object version = serviceVersion != null ? serviceVersion : details.get("serviceVersion");
        if (version != null) {
            data.put("service_version", version);
        }
        data.put("provider_id", providerId);
        data.put("description", details.getString("description"));
        Document attributes = details.get("attributes", Document.class);
        data.put("attributes", attributes == null ? new Document() : new Document(attributes));
        Document location = details.get("location", Document.class);
        if (location != null) {
            Document withoutGaps = new Document();
            location.forEach((key, value) -> {
                if (value != null) {
                    withoutGaps.append(key, value);
                }
            });
            data.put("location", withoutGaps);
        }
        data.put("requested_datetime", details.getString("requestedAt"));
        data.put("channel", details.getString("channel"));
        data.values().removeIf(value -> value == null);
        return fitted(ROUTED, timestamp, data);
    }

    /** A {@value #CANCELLED} body: which request is no longer the provider's, and why (re-routed). */
    public static String cancelled(Instant timestamp, String serviceRequestId, String serviceCode, String providerId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service_request_id", serviceRequestId);
        data.put("service_code", serviceCode);
        data.put("provider_id", providerId);
        data.put("reason", "rerouted");
        return fitted(CANCELLED, timestamp, data);
    }

    /** UTF-8 bytes of a body. */
    public static int size(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String fitted(String type, Instant timestamp, Map<String, Object> data) {
        String payload = render(type, timestamp, data);
        if (size(payload) <= MAX_BYTES) {
            return payload;
        }
        // cut the free texts down, halving their limit until the body fits
        for (int limit = 2_000; limit >= 8; limit /= 2) {
            List<String> cut = new ArrayList<>();
            Map<String, Object> trimmed = new LinkedHashMap<>(data);
            if (trimmed.get("description") instanceof String description && description.length() > limit) {
                trimmed.put("description", description.substring(0, limit) + "…");
                cut.add("description");
            }
            if (trimmed.get("attributes") instanceof Document attributes) {
                Document shorter = new Document();
                for (Map.Entry<String, Object> answer : attributes.entrySet()) {
                    String value = String.valueOf(answer.getValue());
                    if (value.length() > limit) {
                        shorter.append(answer.getKey(), value.substring(0, limit) + "…");
                        cut.add("attributes." + answer.getKey());
                    } else {
                        shorter.append(answer.getKey(), answer.getValue());
                    }
                }
                trimmed.put("attributes", shorter);
            }
            trimmed.put("truncated", true);
            trimmed.put("truncated_fields", cut);
            payload = render(type, timestamp, trimmed);
            if (size(payload) <= MAX_BYTES) {
                return payload;
            }
        }
        throw new IllegalArgumentException("a " + type + " webhook for " + data.get("service_request_id")
                + " does not fit in " + MAX_BYTES + " bytes even with its texts cut short");
    }

    private static String render(String type, Instant timestamp, Map<String, Object> data) {
        return new Document("type", type)
                .append("timestamp", timestamp.toString())
                .append("data", new Document(data))
                .toJson(JSON);
    }
}
