package org.chorus.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;

/**
 * A scenario's results: rows of named figures, notes, charts; written as {@code SCENARIO.json}, {@code SCENARIO.md} and
 * PNG charts under the output directory, with the machine, the command and the date.
 */
public final class Report {

    private final String scenario;
    private final String title;
    private final String command;
    private final Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<Chart> charts = new ArrayList<>();
    private final Map<String, String> options;

    public Report(String scenario, String title, String command, Map<String, String> options) {
        this.scenario = scenario;
        this.title = title;
        this.command = command;
        this.options = options;
    }

    /** A row of the table (its figures in order); rows with the same name merge. */
    public Report row(String name, Map<String, Object> figures) {
        rows.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(figures);
        return this;
    }

    /** A check that failed: noted, and the benchmark exits with 1. */
    public Report fail(String failure) {
        failures.add(failure);
        return note("FAILED: " + failure);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public Report note(String note) {
        notes.add(note);
        return this;
    }

    public Report chart(Chart chart) {
        charts.add(chart);
        return this;
    }

    /** Writes the JSON, the markdown and the charts. */
    public void write(Path out) {
        try {
            Files.createDirectories(out);
            for (Chart chart : charts) {
                Plot.draw(chart, out.resolve(chart.file() + ".png"));
            }
            Files.writeString(out.resolve(scenario + ".md"), markdown());
            Files.writeString(out.resolve(scenario + ".json"), json());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + out, e);
        }
    }

    /** The report as markdown: the command, the machine, a table per run, the notes. */
    public String markdown() {
        StringBuilder md = new StringBuilder("### ").append(title).append("\n\n");
        md.append("`").append(command).append("` on ").append(Machine.describe()).append(", ").append(date).append(
                "\n\n");
        Set<String> columns = new LinkedHashSet<>();
        rows.values().forEach(r -> columns.addAll(r.keySet()));
        md.append("| run | ").append(String.join(" | ", columns)).append(" |\n|---|");
        columns.forEach(c -> md.append("---|"));
        md.append('\n');
        rows.forEach((name, figures) -> {
            md.append("| ").append(name).append(" |");
            columns.forEach(c -> md.append(' ').append(format(figures.get(c))).append(" |"));
            md.append('\n');
        });
        notes.forEach(n -> md.append("\n- ").append(n));
        charts.forEach(c -> md.append("\n\n![").append(c.title()).append("](").append(c.file()).append(".png)"));
        return md.append('\n').toString();
    }

    private String json() {
        JsonObjectBuilder root = Json.createObjectBuilder().add("scenario", scenario).add("title", title).add("command",
                command).add("date", date.toString()).add("machine", Machine.describe());
        JsonObjectBuilder opts = Json.createObjectBuilder();
        options.forEach(opts::add);
        root.add("options", opts);
        JsonObjectBuilder table = Json.createObjectBuilder();
        rows.forEach((name, figures) -> {
            JsonObjectBuilder row = Json.createObjectBuilder();
            figures.forEach((k, v) -> {
                if (v instanceof Number n) {
                    row.add(k, n.doubleValue());
                } else {
                    row.add(k, String.valueOf(v));
                }
            });
            table.add(name, row);
        });
        root.add("rows", table);
        var notesJson = Json.createArrayBuilder();
        notes.forEach(notesJson::add);
        root.add("notes", notesJson);
        var writer = new java.io.StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(writer).write(root.build());
        return writer.toString();
    }

    private static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d >= 100 ? String.format("%.0f", d) : String.format("%.2f", d);
        }
        return value.toString();
    }
}
