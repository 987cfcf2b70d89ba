package uk.customerhub.api;

/**
 * Who put a contact on the record: the customer themself (self-service), a member of staff who assisted them (with
 * the local access point for face-to-face contact), or a channel system.
 */
public record RecordedBy(RecorderKind kind, String agentId, String accessPoint) {
    public RecordedBy {
        Require.present("recordedBy.kind", kind);
        agentId = Require.optionalText("recordedBy.agentId", agentId, Limits.SHORT_TEXT);
        accessPoint = Require.optionalText("recordedBy.accessPoint", accessPoint, Limits.SHORT_TEXT);
        if (kind == RecorderKind.ASSISTED && agentId == null) {
            throw new InvalidInputException("recordedBy.agentId", "is required for assisted contact");
        }
    }

    public static RecordedBy selfService() {
        return new RecordedBy(RecorderKind.SELF_SERVICE, null, null);
    }

    public static RecordedBy assisted(String agentId, String accessPoint) {
        return new RecordedBy(RecorderKind.ASSISTED, agentId, accessPoint);
    }
}
