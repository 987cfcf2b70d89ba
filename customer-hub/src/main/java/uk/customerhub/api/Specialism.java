package uk.customerhub.api;

/** The specialisms whose staff may see restricted cases (seed 000: "complex/sensitive cases (e.g. Adults and Children's cases)"). */
public enum Specialism {
    ADULTS_SAFEGUARDING,
    CHILDRENS_SAFEGUARDING
}
