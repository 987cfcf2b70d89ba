package uk.customerhub.projections.customerview;

import org.bson.Document;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;

/** How an identity linked to a customer is stored in the single view (as the event gave it: this view is personal data). */
final class IdentityDocuments {
    private IdentityDocuments() {
    }

    static Document toDocument(Identity identity) {
        return new Document("kind", identity.kind().name()).append("value", identity.value());
    }

    static Identity fromDocument(Document document) {
        return new Identity(BsonValues.enumValue(IdentityKind.class, document, "kind"), document.getString("value"));
    }
}
