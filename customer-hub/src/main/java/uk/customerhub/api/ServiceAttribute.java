package uk.customerhub.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One question of a service definition (an Open311 attribute): {@code code} names the answer in a request's
 * {@code attributes}; {@code variable} is false for information only shown to the person (no answer expected);
 * {@code order} places it among the service's questions; a list attribute ({@code singlevaluelist},
 * {@code multivaluelist}) names its allowed {@code values}. A multi-value answer is sent as its keys separated by commas.
 */
public record ServiceAttribute(String code,
                               boolean variable,
                               AttributeDatatype datatype,
                               boolean required,
                               String datatypeDescription,
                               int order,
                               String description,
                               List<AttributeValue> values) {
    /** Allowed values of one list attribute. */
    public static final int MAX_VALUES = 100;

    public ServiceAttribute {
        code = Require.id("code", code);
        Require.present("datatype", datatype);
        datatypeDescription = Require.optionalText("datatypeDescription", datatypeDescription, Limits.SHORT_TEXT);
        description = Require.text("description", description, Limits.SHORT_TEXT);
        values = List.copyOf(Require.atMost("values", values == null ? List.of() : values, MAX_VALUES));
        if (datatype.isList() && values.isEmpty()) {
            throw new InvalidInputException("values", "attribute " + code + " is a " + datatype.wireName() + " and needs its allowed values");
        }
        if (!datatype.isList() && !values.isEmpty()) {
            throw new InvalidInputException("values", "attribute " + code + " is a " + datatype.wireName() + " and takes no list of values");
        }
        Set<String> keys = new HashSet<>();
        for (AttributeValue value : values) {
            if (!keys.add(value.key())) {
                throw new InvalidInputException("values", "attribute " + code + " lists value " + value.key() + " twice");
            }
        }
        if (required && !variable) {
            throw new InvalidInputException("required", "attribute " + code + " is not variable (information only), so it cannot be required");
        }
    }

    /** Whether {@code key} is one of this attribute's allowed values. */
    public boolean allows(String key) {
        return values.stream().anyMatch(value -> value.key().equals(key));
    }
}
