package uk.customerhub.api;

/** Whether the customer contacted the council (inbound) or the council contacted the customer (outbound). */
public enum Direction {
    INBOUND,
    OUTBOUND
}
