package uk.customerhub.api;

/** One allowed answer of a list attribute: the {@code key} a client sends and the {@code name} a person reads (Open311 {@code values}). */
public record AttributeValue(String key, String name) {
    public AttributeValue {
        key = Require.text("key", key, Limits.ID);
        name = Require.text("name", name, Limits.SHORT_TEXT);
    }
}
