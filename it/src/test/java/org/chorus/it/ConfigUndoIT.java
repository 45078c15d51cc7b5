package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code config/apply --undo} gives back the distribution's configuration: every file of the configuration directory as
 * it was before {@code config/apply}, users and roles included, but for the key file {@code chorus.keys} (kept on
 * purpose) and the server's own history. Run offline on copies of the distribution that the build provisioned.
 */
class ConfigUndoIT {

    private static final Path HOME = Path.of(System.getProperty("chorus.wildfly.home"));
    private static final Duration LIMIT = Duration.ofMinutes(3);
    /**
     * What the undo leaves on purpose: the key of the encrypted expressions, and the server's configuration history.
     */
    private static final List<String> KEPT = List.of("chorus.keys", "domain_xml_history", "host_xml_history",
            "standalone_xml_history");

    private Path work;

    @BeforeEach
    void makeWorkDirectory() throws IOException {
        work = Files.createTempDirectory("chorus-undo-");
    }

    @AfterEach
    void removeCopies() throws IOException, InterruptedException {
        RunCommand.run(LIMIT, ".", "undo-cleanup", "rm", "-rf", work.toString()).orFail("rm -rf " + work);
    }

    @Test
    void undoOfTheDomainGivesBackTheDistributionsDomain() throws Exception {
        Path domain = copy("domain");
        Map<String, String> before = configuration(domain.resolve("configuration"));
        apply("domain-apply", domain, "domain", HOME.toString());
        assertTrue(Files.readString(domain.resolve("configuration/domain.xml")).contains("jms-topic name=\"chorus\""),
                "config/apply put the chat topic into domain.xml");
        apply("domain-undo", domain, "--undo", "domain", HOME.toString());
        assertEquals(List.of(), differences(before, configuration(domain.resolve("configuration"))));
    }

    @Test
    void undoOfAStandaloneServerGivesBackTheDistributionsServer() throws Exception {
        Path standalone = copy("standalone");
        Map<String, String> before = configuration(standalone.resolve("configuration"));
        apply("standalone-apply", null, "standalone", HOME.toString(), standalone.toString());
        assertTrue(Files.readString(standalone.resolve("configuration/standalone-full-ha.xml")).contains(
                "jms-topic name=\"chorus\""), "config/apply put the chat topic into standalone-full-ha.xml");
        apply("standalone-undo", null, "--undo", "standalone", HOME.toString(), standalone.toString());
        assertEquals(List.of(), differences(before, configuration(standalone.resolve("configuration"))));
    }

    private Path copy(String dir) throws IOException, InterruptedException {
        Path target = work.resolve(dir);
        RunCommand.run(LIMIT, ".", "undo-copy-" + dir, "cp", "-a", HOME.resolve(dir).toString(), target.toString())
                .orFail("cp -a " + HOME.resolve(dir));
        return target;
    }

    /**
     * Runs {@code config/apply ARGUMENTS} with the credentials file in the work directory (made by the first apply)
     * and, unless null, the domain directory {@code domainDir}.
     */
    private void apply(String log, Path domainDir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("env", "CHORUS_CREDENTIALS=" + work.resolve("credentials"),
                "CHORUS_APPLY_LOG=" + work.resolve(log + ".cli.log")));
        if (domainDir != null) {
            command.add("CHORUS_DOMAIN_DIR=" + domainDir);
        }
        command.addAll(List.of("bash", "config/apply"));
        command.addAll(List.of(arguments));
        RunCommand.run(LIMIT, ".", "undo-" + log, command.toArray(String[]::new)).orFail("config/apply " + log);
    }

    /**
     * Each file of a configuration directory and its text, trailing white space aside, but for those kept on purpose.
     */
    private static Map<String, String> configuration(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(f -> !KEPT.contains(f.getFileName().toString())).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file).stripTrailing());
            }
        }
        return files;
    }

    /** For each file that differs, its name and its first line that does. */
    private static List<String> differences(Map<String, String> before, Map<String, String> after) {
        List<String> found = new ArrayList<>();
        for (String name : union(before.keySet(), after.keySet())) {
            List<String> was = before.getOrDefault(name, "(none)").lines().toList();
            List<String> is = after.getOrDefault(name, "(none)").lines().toList();
            for (int i = 0; i < Math.max(was.size(), is.size()); i++) {
                String a = i < was.size() ? was.get(i) : "(end)";
                String b = i < is.size() ? is.get(i) : "(end)";
                if (!a.equals(b)) {
                    found.add(name + " line " + (i + 1) + ": was <" + a.strip() + ">, after the undo <" + b.strip()
                            + ">");
                    break;
                }
            }
        }
        return found;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
