package uk.customerhub.api;

import java.util.Locale;

/**
 * The kinds of answer a service's question takes, as Open311 GeoReport v2 names them ({@link #wireName()}):
 * a short text, a number, a date and time, a long text, one value from a list, or several values from a list.
 */
public enum AttributeDatatype {
    STRING,
    NUMBER,
    DATETIME,
    TEXT,
    SINGLEVALUELIST,
    MULTIVALUELIST;

    /** The Open311 spelling, lower case ({@code singlevaluelist}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the answer must be one (or several) of the attribute's allowed values. */
    public boolean isList() {
        return this == SINGLEVALUELIST || this == MULTIVALUELIST;
    }
}
