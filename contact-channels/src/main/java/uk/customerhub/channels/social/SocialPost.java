package uk.customerhub.channels.social;

import java.time.Instant;

/**
 * A public post the social listening feed picked up: the {@code platform} (e.g. {@code x}, {@code facebook}), the
 * author's {@code handle}, the platform's {@code postId} (with the platform, the natural key: the same post delivered
 * twice, by any feed, is one contact), its {@code text}, {@code url} and when it was posted.
 */
public record SocialPost(String platform, String handle, String postId, String text, String url, Instant postedAt) {
}
