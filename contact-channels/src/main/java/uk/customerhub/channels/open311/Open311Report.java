package uk.customerhub.channels.open311;

import org.springframework.util.MultiValueMap;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.Limits;
import uk.customerhub.api.Require;
import uk.customerhub.api.ServiceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report posted to Open311's {@code POST requests}, read from its form (application/x-www-form-urlencoded) with
 * the specification's names: {@code service_code}; where — {@code lat} and {@code long}, {@code address_string}
 * or {@code address_id} (the property's UPRN); the answers {@code attribute[code]=value}, a multi-value answer as
 * {@code attribute[code][]=…} repeated; {@code description}, {@code media_url}; and who reported it —
 * {@code email}, {@code phone}, {@code first_name}, {@code last_name}, {@code account_id}, {@code device_id}. Input
 * that breaks a rule is invalid input naming the parameter as the client sent it.
 */
record Open311Report(String serviceCode,
                     ServiceLocation location,
                     Map<String, String> attributes,
                     String description,
                     String mediaUrl,
                     Identity email,
                     Identity phone,
                     String firstName,
                     String lastName,
                     String accountId) {
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)\\](\\[\\])?");

    static Open311Report fromForm(MultiValueMap<String, String> form) {
        String serviceCode = single(form, "service_code");
        if (serviceCode == null) {
            throw new InvalidInputException("service_code", "was not provided");
        }
        return new Open311Report(serviceCode, location(form), attributes(form),
                Require.optionalText("description", single(form, "description"), Limits.SUMMARY),
                single(form, "media_url"),
                identity(form, "email", IdentityKind.EMAIL),
                identity(form, "phone", IdentityKind.PHONE),
                Require.optionalText("first_name", single(form, "first_name"), Limits.SHORT_TEXT),
                Require.optionalText("last_name", single(form, "last_name"), Limits.SHORT_TEXT),
                Require.optionalText("account_id", single(form, "account_id"), Limits.SHORT_TEXT));
    }

    /** The reporter's e-mail and phone, those given. */
    List<Identity> identities() {
        List<Identity> identities = new ArrayList<>();
        if (email != null) {
            identities.add(email);
        }
        if (phone != null) {
            identities.add(phone);
        }
        return identities;
    }

    private static ServiceLocation location(MultiValueMap<String, String> form) {
        Double latitude = number(form, "lat");
        Double longitude = number(form, "long");
        String address = Require.optionalText("address_string", single(form, "address_string"), Limits.SHORT_TEXT);
        String addressId = single(form, "address_id");
        if ((latitude == null) != (longitude == null)) {
            throw new InvalidInputException(latitude == null ? "lat" : "long", "must be given with "
                    + (latitude == null ? "long" : "lat"));
        }
        if (latitude == null && address == null && addressId == null) {
            throw Open311Exception.badRequest("lat and long, address_string or address_id must be provided");
        }
        if (addressId != null && !addressId.matches("[0-9]{1,12}")) {
            throw new InvalidInputException("address_id", "must be the property's UPRN: up to 12 digits");
        }
        return new ServiceLocation(latitude, longitude, address, addressId, null);
    }

    private static Map<String, String> attributes(MultiValueMap<String, String> form) {
        Map<String, List<String>> answers = new TreeMap<>();
        form.forEach((name, values) -> {
            Matcher attribute = ATTRIBUTE.matcher(name);
            if (attribute.matches()) {
                answers.computeIfAbsent(attribute.group(1), code -> new ArrayList<>()).addAll(values);
            }
        });
        Map<String, String> joined = new TreeMap<>();
        answers.forEach((code, values) -> {
            List<String> given = values.stream().filter(value -> value != null && !value.isBlank()).map(String::strip).toList();
            if (!given.isEmpty()) {
                joined.put(code, String.join(",", given));
            }
        });
        return joined;
    }

    private static Identity identity(MultiValueMap<String, String> form, String name, IdentityKind kind) {
        String value = single(form, name);
        if (value == null) {
            return null;
        }
        try {
            return new Identity(kind, value);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name, kind == IdentityKind.EMAIL ? "is not an e-mail address" : "is not a phone number");
        }
    }

    private static Double number(MultiValueMap<String, String> form, String name) {
        String value = single(form, name);
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "must be a number");
        }
    }

    /** A parameter sent once (blank counts as absent); sent twice with different values it is invalid. */
    static String single(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        if (values == null) {
            return null;
        }
        List<String> given = values.stream().filter(value -> value != null && !value.isBlank()).map(String::strip)
                .distinct().toList();
        if (given.size() > 1) {
            throw new InvalidInputException(name, "was sent more than once");
        }
        return given.isEmpty() ? null : given.get(0);
    }
}
