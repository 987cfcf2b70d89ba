package uk.customerhub.infra.mongo;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * How the embedded server's file backend ({@link DurableH2Backend}) keeps its file durable and small.
 *
 * <h2>What protects against what</h2>
 * <ul>
 *   <li><b>Process crash ({@code kill -9}, OOM kill, JVM crash)</b>: every write command is committed to the MVStore
 *   file before its reply is sent, always. A commit has handed its bytes to the operating system ({@code write(2)})
 *   when it returns, so they survive the death of the process even with {@code fsync} off.</li>
 *   <li><b>Power loss, kernel panic, VM reset</b>: the bytes handed over may still sit in the OS page cache. Only
 *   with {@link #fsync} on does each group commit also force the file to the disk ({@code fsync(2)}) before the
 *   replies it covers are released. Whether the disk then really holds them depends on the disk honouring flushes
 *   (a volatile write cache without power-loss protection defeats any fsync). With fsync off, a power loss can lose
 *   acknowledged writes and, since space freed by old chunks is reused at once (retention 0), can leave a file
 *   the store cannot open without recovery: switch it off only where that is acceptable (a demo, a benchmark).</li>
 * </ul>
 * The hub's own write concern ({@code w:majority, j:true}) asks a real MongoDB for the second kind; fsync on, the
 * default, gives the embedded server the same meaning.
 *
 * @param fsync               force the file to the device after each group commit (see above); one fsync is shared
 *                            by every write of the group, so its cost falls with concurrency
 * @param compactionEveryCommits after this many commits the {@link Compactor} looks at how full the file's chunks are
 *                            and, below {@code targetFillRate}, rewrites the live pages of the sparsest ones (every
 *                            commit writes a new chunk and leaves older ones partly dead, so garbage grows with the
 *                            number of commits, not with time); old versions are not retained, so freed space is
 *                            reused
 * @param compactionInterval  the same check after this long, if there was any commit since the last one (so a
 *                            quiet store is tidied too)
 * @param targetFillRate      the live-data percentage of the chunks below which compaction runs
 * @param compactionWriteBytes the most a single compaction pass rewrites (a pass runs beside the writers, but
 *                            competes with them for CPU and the store's lock)
 */
public record FileBackendSettings(boolean fsync, int compactionEveryCommits, Duration compactionInterval,
                                  int targetFillRate, int compactionWriteBytes) {

    /** Environment variable (or system property {@value #FSYNC_PROPERTY}) that turns fsync on or off. */
    public static final String FSYNC_ENV = "HUB_MONGO_FSYNC";
    public static final String FSYNC_PROPERTY = "hub.mongo.fsync";

    public FileBackendSettings {
        if (compactionEveryCommits < 1) {
            throw new IllegalArgumentException("compactionEveryCommits must be positive");
        }
        if (compactionInterval == null || compactionInterval.isNegative() || compactionInterval.isZero()) {
            throw new IllegalArgumentException("compactionInterval must be positive");
        }
        if (targetFillRate < 1 || targetFillRate > 99) {
            throw new IllegalArgumentException("targetFillRate must be between 1 and 99");
        }
        if (compactionWriteBytes < 64 * 1024) {
            throw new IllegalArgumentException("compactionWriteBytes must be at least 64 KiB");
        }
    }

    /** fsync on; compaction looked at every 200 commits or 2 s, chunks below 80% live, at most 1 MiB a pass. */
    public static FileBackendSettings defaults() {
        return new FileBackendSettings(true, 200, Duration.ofSeconds(2), 80, 1024 * 1024);
    }

    /** The defaults, with fsync taken from {@value #FSYNC_PROPERTY} or {@value #FSYNC_ENV} when set. */
    public static FileBackendSettings fromEnvironment() {
        return fromLookup(name -> name.equals(FSYNC_PROPERTY) ? System.getProperty(name) : System.getenv(name));
    }

    static FileBackendSettings fromLookup(Function<String, String> lookup) {
        FileBackendSettings defaults = defaults();
        String value = lookup.apply(FSYNC_PROPERTY);
        if (value == null || value.isBlank()) {
            value = lookup.apply(FSYNC_ENV);
        }
        if (value == null || value.isBlank()) {
            return defaults;
        }
        boolean fsync = switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw new IllegalArgumentException(FSYNC_ENV + " must be true or false, not '" + value + "'");
        };
        return defaults.withFsync(fsync);
    }

    public FileBackendSettings withFsync(boolean fsync) {
        return new FileBackendSettings(fsync, compactionEveryCommits, compactionInterval, targetFillRate,
                compactionWriteBytes);
    }

    public FileBackendSettings withCompaction(int everyCommits, Duration interval, int targetFillRate,
                                              int writeBytes) {
        return new FileBackendSettings(fsync, everyCommits, interval, targetFillRate, writeBytes);
    }
}
