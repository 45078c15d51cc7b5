package org.chorus.it;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The Autobahn|Testsuite run against the domain: deploys the test-only {@code chorus-diagnostics} web application (an
 * {@link EchoEndpoint}) to the server group, fuzzes it through each given entry, and removes it again.
 */
public final class Autobahn {

    /** Cases 9 (messages up to 16 MB, past the 64 KiB limit) and 12, 13 (compression, not offered) are left out. */
    static final String EXCLUDED = "9.*,12.*,13.*";
    static final String CONTEXT = "chorus-diagnostics";

    private static final Path ROOT = Path.of(System.getProperty("chorus.root", ".."));
    private static final Path DIR = ROOT.resolve("it/target/autobahn");

    private Autobahn() {
    }

    /** One fuzzing run: the entry, the fuzzer's exit code and its output. */
    public record Run(URI echo, int exitCode, String output) {
    }

    /** Deploys the echo endpoint, fuzzes it through each entry ({@code http://host:port/}), undeploys it. */
    public static List<Run> fuzz(List<URI> entries) throws Exception {
        Files.createDirectories(DIR);
        File war = DIR.resolve(CONTEXT + ".war").toFile();
        ShrinkWrap.create(WebArchive.class, CONTEXT + ".war").addClass(EchoEndpoint.class).addAsWebResource(
                new StringAsset("echo"), "index.html").as(ZipExporter.class).exportTo(war, true);
        cli("deploy " + war.getAbsolutePath() + " --server-groups=chorus").orFail("deploying " + war);
        try {
            List<Run> runs = new ArrayList<>();
            for (URI entry : entries) {
                awaitServed(entry.resolve(CONTEXT + "/index.html"));
                URI echo = URI.create(entry.resolve(CONTEXT + "/echo").toString().replaceFirst("^http", "ws"));
                runs.add(fuzz(echo));
            }
            return runs;
        } finally {
            cli("undeploy " + CONTEXT + ".war --all-relevant-server-groups").orFail("undeploying " + CONTEXT);
        }
    }

    private static Run fuzz(URI echo) throws Exception {
        Path work = Files.createDirectories(DIR.resolve(echo.getPort() + ""));
        String classPath = DIR.resolve("lib").toString() + "/*" + File.pathSeparator + Path.of(AutobahnFuzz.class
                .getProtectionDomain().getCodeSource().getLocation().toURI());
        Path log = work.resolve("fuzz.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classPath, AutobahnFuzz.class.getName(), echo.toString(), "*", EXCLUDED).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            return new Run(echo, -1, Files.readString(log) + "\n(killed after 10 minutes)");
        }
        return new Run(echo, process.exitValue(), Files.readString(log));
    }

    private static RunCommand.Result cli(String command) throws Exception {
        return RunCommand.run(Duration.ofMinutes(3), ".", "cli-" + command.split(" ")[0], "bash", ROOT.resolve(
                "target/wildfly/bin/jboss-cli.sh").toString(), "-c", "--controller=127.0.0.1:9990",
                "--command=" + command); // local authentication: the domain's owner needs no password
    }

    /** Until the entry (a node, or the balancer once mod_cluster has registered the context) serves the page. */
    private static void awaitServed(URI page) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = http.send(HttpRequest.newBuilder(page).build(), BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(page + " answered " + status + " for 60 s");
    }
}
