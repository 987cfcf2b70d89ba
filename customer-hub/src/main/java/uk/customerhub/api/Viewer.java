package uk.customerhub.api;

import java.util.Set;

/**
 * Who is asking a query. Query handlers enforce what each viewer may see: a resident only the record linked to
 * their own Digital ID subject and only resident-visible entries; staff any record; restricted entries only
 * specialists of that specialism.
 */
public record Viewer(Role role, String subject, Set<Specialism> specialisms, String organisation) {
    public Viewer {
        Require.present("role", role);
        Require.present("subject", subject);
        specialisms = specialisms == null ? Set.of() : Set.copyOf(specialisms);
        organisation = organisation == null ? "council" : organisation;
    }

    public static Viewer resident(String subject) {
        return new Viewer(Role.RESIDENT, subject, Set.of(), null);
    }

    public static Viewer agent(String subject) {
        return new Viewer(Role.AGENT, subject, Set.of(), null);
    }

    public boolean isResident() {
        return role == Role.RESIDENT;
    }

    /** Whether this viewer may see an entry with this visibility and specialism. */
    public boolean maySee(Visibility visibility, Specialism specialism) {
        return switch (visibility) {
            case RESIDENT_VISIBLE -> true;
            case STAFF_ONLY -> role == Role.AGENT || role == Role.SPECIALIST || role == Role.ADMIN;
            case RESTRICTED -> role == Role.SPECIALIST && specialisms.contains(specialism);
        };
    }
}
