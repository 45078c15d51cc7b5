package org.chorus.it;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The passwords config/apply made for a set of servers (its credentials file): the tests read them, none is a constant.
 * {@code tls} opens the balancer's key store.
 */
public record Credentials(String chat, String admin, String inbound, String management, String tls) {

    /** The Arquillian servers' file, made by it/prepare-servers. */
    public static Credentials testServers() {
        return read(Path.of(System.getProperty("chorus.it.dir", "target/servers"), "credentials"));
    }

    /** The file of the domain {@code ./chorus up} runs. */
    public static Credentials runCommand() {
        return read(Path.of(System.getProperty("chorus.root", "..")).resolve("target/wildfly/.chorus/credentials"));
    }

    /** The file of the hosts {@code ./chorus lab up} runs. */
    public static Credentials lab() {
        return read(Path.of(System.getProperty("chorus.root", "..")).resolve("target/lab/credentials"));
    }

    /** The password of a realm user: admin, the inbound credentials (backend, monitoring), or a chat user. */
    public String of(String user) {
        return switch (user) {
            case "admin" -> admin;
            case "backend", "monitoring" -> inbound;
            default -> chat;
        };
    }

    static Credentials read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the credentials file " + file + " (made by config/apply)", e);
        }
        return new Credentials(p.getProperty("chat.password"), p.getProperty("admin.password"), p.getProperty(
                "inbound.password"), p.getProperty("management.password"), p.getProperty("tls.password"));
    }
}
