package uk.customerhub.api;

/** The six broad categories of customer defined in the council's operating model (seed 000, §2.5.3 A). */
public enum CustomerCategory {
    RESIDENT,
    BUSINESS,
    VISITOR,
    PARTNER,
    SOUTHAMPTON_WORKER,
    COUNCIL_EMPLOYEE
}
