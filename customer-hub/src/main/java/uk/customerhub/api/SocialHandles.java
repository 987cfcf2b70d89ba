package uk.customerhub.api;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Social media handles, one canonical form per platform, so the same account written in different ways (with or
 * without its {@code @}, in other letter case, as a profile address, under the platform's old name) is one identity
 * and belongs to one customer. A handle is held as {@code platform:handle}.
 * <p>
 * Each platform's rules, as the platform applies them:
 * <table>
 *   <tr><th>platform (also written)</th><th>canonical form</th><th>valid</th></tr>
 *   <tr><td>{@code x} ({@code twitter})</td><td>without {@code @}, lower case (X ignores case)</td>
 *       <td>1-15 letters, digits, {@code _}</td></tr>
 *   <tr><td>{@code instagram}</td><td>without {@code @}, lower case; dots and underscores kept (they count)</td>
 *       <td>1-30 letters, digits, {@code . _}</td></tr>
 *   <tr><td>{@code facebook} ({@code fb})</td><td>a page or profile username lower case without its dots (Facebook
 *       ignores dots and case: {@code John.Smith} is {@code johnsmith}), or a numeric profile id</td>
 *       <td>5-50 letters and digits, or a number of up to 20 digits</td></tr>
 *   <tr><td>{@code tiktok}</td><td>without {@code @}, lower case</td><td>2-24 letters, digits, {@code . _}</td></tr>
 *   <tr><td>{@code youtube}</td><td>without {@code @}, lower case</td><td>3-30 letters, digits, {@code . _ -}</td></tr>
 *   <tr><td>{@code nextdoor}</td><td>the profile's id in its address, lower case</td>
 *       <td>1-100 letters, digits, {@code . _ -}</td></tr>
 *   <tr><td>any other</td><td>without {@code @}, lower case</td><td>1-100 letters, digits, {@code . _ -}</td></tr>
 * </table>
 * A profile address is read too: {@code https://x.com/Someone}, {@code https://www.instagram.com/some.one/},
 * {@code https://www.facebook.com/profile.php?id=100012345}, {@code https://www.tiktok.com/@someone}.
 * <p>
 * {@link #identity} checks a handle as it comes in (social listening, registration, a search) against its platform's
 * rules. {@link #canonical} only puts a handle in canonical form and is what {@link Identity} applies: identities
 * stored before these rules existed still load (only the general {@code platform:handle} shape is checked there).
 */
public final class SocialHandles {
    private static final Map<String, String> PLATFORM_NAMES = Map.of(
            "twitter", "x", "x.com", "x", "twitter.com", "x", "fb", "facebook", "facebook.com", "facebook",
            "instagram.com", "instagram", "tiktok.com", "tiktok", "youtube.com", "youtube", "nextdoor.com", "nextdoor");
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9_-]{1,30}");
    private static final Map<String, Rule> RULES = Map.of(
            "x", new Rule("[a-z0-9_]{1,15}", "1-15 letters, digits or _"),
            "instagram", new Rule("[a-z0-9._]{1,30}", "1-30 letters, digits, . or _"),
            "facebook", new Rule("[a-z0-9]{5,50}|[0-9]{1,20}", "a username of 5-50 letters or digits, or a numeric id"),
            "tiktok", new Rule("[a-z0-9._]{2,24}", "2-24 letters, digits, . or _"),
            "youtube", new Rule("[a-z0-9._-]{3,30}", "3-30 letters, digits, . _ or -"));
    private static final Rule ANY = new Rule("[a-z0-9._-]{1,100}", "1-100 letters, digits, . _ or -");

    private SocialHandles() {
    }

    /** A handle written as {@code platform:handle} (or {@code platform:https://…}), checked against its platform's rules. */
    public static Identity identity(String field, String written) {
        String value = Require.text(field, written, Limits.IDENTITY);
        int colon = value.indexOf(':');
        if (colon < 1) {
            throw new InvalidInputException(field, "must be platform:handle, e.g. x:southamptonresident");
        }
        return identity(field, value.substring(0, colon), value.substring(colon + 1));
    }

    /** The handle of an account on {@code platform}, checked against the platform's rules. */
    public static Identity identity(String field, String platform, String handle) {
        String canonicalPlatform = platform(field, platform);
        String canonicalHandle = handle(canonicalPlatform, Require.text(field, handle, Limits.IDENTITY));
        Rule rule = RULES.getOrDefault(canonicalPlatform, ANY);
        if (!rule.pattern().matcher(canonicalHandle).matches()) {
            throw new InvalidInputException(field, "is not a valid " + canonicalPlatform + " handle: " + rule.described());
        }
        return new Identity(IdentityKind.SOCIAL_HANDLE, canonicalPlatform + ":" + canonicalHandle);
    }

    /**
     * The canonical form of {@code platform:handle}, without checking the platform's rules; a value without a
     * platform is returned lower case, for the caller to refuse.
     */
    public static String canonical(String written) {
        String value = written.strip();
        int colon = value.indexOf(':');
        if (colon < 1) {
            return value.toLowerCase(Locale.ROOT);
        }
        String platform = value.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        platform = PLATFORM_NAMES.getOrDefault(platform, platform);
        return platform + ":" + handle(platform, value.substring(colon + 1));
    }

    /** A platform's canonical name ({@code twitter} is {@code x}); letters, digits, {@code _} or {@code -}. */
    public static String platform(String field, String written) {
        String platform = Require.text(field, written, 30).toLowerCase(Locale.ROOT);
        platform = PLATFORM_NAMES.getOrDefault(platform, platform);
        if (!PLATFORM.matcher(platform).matches()) {
            throw new InvalidInputException(field, field.equals("platform")
                    ? "must be letters, digits, _ or -, e.g. x or facebook"
                    : "has no valid platform (letters, digits, _ or -, e.g. x or facebook)");
        }
        return platform;
    }

    /** A handle in its platform's canonical form: from a profile address, without {@code @}, in lower case. */
    private static String handle(String platform, String written) {
        String handle = fromAddress(written.strip());
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        handle = handle.toLowerCase(Locale.ROOT);
        if (platform.equals("facebook")) {
            handle = handle.replace(".", "");
        }
        return handle;
    }

    /** The account in a profile address (its first path segment, or a Facebook profile's id); anything else as written. */
    private static String fromAddress(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return written;
        }
        String rest = written.substring(written.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        int id = path.indexOf("profile.php?id=");
        if (id >= 0) {
            String number = path.substring(id + "profile.php?id=".length());
            int end = number.indexOf('&');
            return end < 0 ? number : number.substring(0, end);
        }
        if (path.startsWith("profile/")) {
            // nextdoor.com/profile/01AbCd…/
            path = path.substring("profile/".length());
        }
        int end = path.length();
        for (char stop : new char[]{'/', '?', '#'}) {
            int at = path.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return path.substring(0, end);
    }

    private record Rule(Pattern pattern, String described) {
        Rule(String pattern, String described) {
            this(Pattern.compile(pattern), described);
        }
    }
}
