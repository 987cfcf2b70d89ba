package uk.customerhub.api;

/** Rules tying an entry's {@link Visibility} to its {@link Specialism}: restricted entries name one, others none. */
public final class EntryVisibility {
    private EntryVisibility() {
    }

    public static void check(Visibility visibility, Specialism specialism) {
        Require.present("visibility", visibility);
        if (visibility == Visibility.RESTRICTED && specialism == null) {
            throw new InvalidInputException("specialism", "is required for a restricted entry");
        }
        if (visibility != Visibility.RESTRICTED && specialism != null) {
            throw new InvalidInputException("specialism", "is only given for a restricted entry");
        }
    }
}
