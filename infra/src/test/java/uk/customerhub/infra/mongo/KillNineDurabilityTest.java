package uk.customerhub.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write the file-backed embedded server acknowledged survives {@code kill -9} of its process.
 *
 * <p>A child JVM ({@link AcknowledgingWriter}) opens the server on a data directory exactly as the default run does
 * and inserts from 4 threads, printing each acknowledged id; it is killed with SIGKILL
 * ({@link Process#destroyForcibly()}) while writes are in flight. The file is then reopened in this JVM and every
 * acknowledged id must be in it. Three rounds on the same file, so recovery from a kill is itself tested twice more;
 * the middle one with fsync off, which must make no difference to a process kill.
 */
class KillNineDurabilityTest {
    private static final int WRITER_THREADS = 4;
    private static final int[] ACKS_BEFORE_KILL = {150, 600, 300};
    /** The middle round runs with fsync off: a process kill must not lose anything even then. */
    private static final boolean[] FSYNC = {true, false, true};

    @TempDir
    Path dataDirectory;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void every_acknowledged_insert_survives_kill_minus_9_of_the_server_process() throws Exception {
        Set<String> acknowledged = new HashSet<>();
        for (int round = 0; round < ACKS_BEFORE_KILL.length; round++) {
            Set<String> thisRound = runAndKill("r" + round, ACKS_BEFORE_KILL[round], FSYNC[round]);
            assertThat(thisRound).as("acknowledged writes in round %d", round).hasSizeGreaterThanOrEqualTo(
                    ACKS_BEFORE_KILL[round]);
            acknowledged.addAll(thisRound);

            Set<String> stored = storedIds();
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            System.out.printf("kill -9 round %d (fsync %s): %d acknowledged (%d in all rounds), %d stored, %d lost%n",
                    round, FSYNC[round] ? "on" : "off", thisRound.size(), acknowledged.size(), stored.size(),
                    lost.size());
            assertThat(lost).as("acknowledged before kill -9 in rounds 0..%d but missing after reopening (of %d)",
                    round, acknowledged.size()).isEmpty();
        }
    }

    /** Runs the writer until it has printed {@code acksBeforeKill} acknowledgements, kills it, returns all it printed. */
    private Set<String> runAndKill(String prefix, int acksBeforeKill, boolean fsync) throws Exception {
        Path stderr = Files.createTempFile("acknowledging-writer", ".log");
        Process child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-D" + FileBackendSettings.FSYNC_PROPERTY + "=" + fsync,
                "-Dwriter.nonDurableForComparison=" + Boolean.getBoolean("writer.nonDurableForComparison"),
                "-cp", System.getProperty("java.class.path"),
                AcknowledgingWriter.class.getName(),
                dataDirectory.toString(), prefix, Integer.toString(WRITER_THREADS)))
                .redirectError(stderr.toFile())
                .start();
        Set<String> acks = ConcurrentHashMap.newKeySet();
        CountDownLatch enough = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            Pattern ack = Pattern.compile("ACK (\\S+)");
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {   // a line cut short by the kill has no newline: ignored
                    var match = ack.matcher(line);
                    if (match.matches()) {
                        acks.add(match.group(1));
                        if (acks.size() >= acksBeforeKill) {
                            enough.countDown();
                        }
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child dies
            }
        }, "writer-output");
        reader.start();
        try {
            boolean reached = enough.await(45, TimeUnit.SECONDS);
            assertThat(reached).as("the writer acknowledged %d inserts in time (stderr: %s)", acksBeforeKill,
                    stderr).isTrue();
        } finally {
            child.destroyForcibly();                               // SIGKILL, writers still running
            child.waitFor(20, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(20));
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        return new HashSet<>(acks);                                // includes acks still in the pipe when it died
    }

    private Set<String> storedIds() {
        Set<String> ids = new HashSet<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.fileBacked(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("crash").getCollection("acknowledged");
            for (Document document : collection.find(Filters.exists("_id")).projection(Projections.include("_id"))) {
                ids.add(document.getString("_id"));
            }
        }
        return ids;
    }
}
