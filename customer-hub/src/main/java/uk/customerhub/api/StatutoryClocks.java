package uk.customerhub.api;

/** How statutory clocks are named: after the contact that started them, and a complaint's after its stage too. */
public final class StatutoryClocks {
    /** The longest suffix a clock id adds to its contact id. */
    static final int LONGEST_SUFFIX = ":stage-N".length();

    private StatutoryClocks() {
    }

    /** The id of the clock a contact starts: the contact id, and for a complaint's stage also the stage. */
    public static String clockId(String contactId, Integer stage) {
        return stage == null ? contactId : contactId + ":stage-" + stage;
    }
}
