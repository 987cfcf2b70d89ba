package uk.customerhub.api;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An identity a customer is known by, in normalised form: e-mails lower case, UK phone numbers in E.164
 * (+447700900123), social handles as {@code platform:handle} in their platform's canonical form
 * ({@link SocialHandles}: e.g. without a leading {@code @}, lower case, {@code twitter} as {@code x}).
 */
public record Identity(IdentityKind kind, String value) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9_-]{1,30}:[a-z0-9_.-]{1,100}");

    public Identity {
        Require.present("identity.kind", kind);
        value = normalise(kind, "identity.value", value);
    }

    /** The canonical form of {@code raw} as an identity of {@code kind}; invalid values are refused. */
    public static String normalise(IdentityKind kind, String field, String raw) {
        String value = Require.text(field, raw, Limits.IDENTITY);
        return switch (kind) {
            case DIGITAL_ID -> value;
            case EMAIL -> {
                String email = value.toLowerCase(Locale.ROOT);
                if (!EMAIL.matcher(email).matches()) {
                    throw new InvalidInputException(field, "is not an e-mail address");
                }
                yield email;
            }
            case PHONE -> {
                String digits = value.replaceAll("[\\s().-]", "");
                if (digits.startsWith("00")) {
                    digits = "+" + digits.substring(2);
                } else if (digits.startsWith("0")) {
                    digits = "+44" + digits.substring(1);
                } else if (!digits.startsWith("+")) {
                    digits = "+" + digits;
                }
                if (digits.startsWith("+440")) {
                    digits = "+44" + digits.substring(4);
                }
                if (!E164.matcher(digits).matches()) {
                    throw new InvalidInputException(field, "is not a phone number");
                }
                yield digits;
            }
            case SOCIAL_HANDLE -> {
                String handle = SocialHandles.canonical(value);
                if (!HANDLE.matcher(handle).matches()) {
                    throw new InvalidInputException(field, "must be platform:handle, e.g. x:southamptonresident");
                }
                yield handle;
            }
        };
    }
}
