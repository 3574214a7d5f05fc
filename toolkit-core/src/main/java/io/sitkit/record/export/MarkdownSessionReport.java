package io.sitkit.record.export;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.record.SessionNote;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the Markdown report of a session (see {@link SessionExport#toMarkdownReport}): a title and
 * summary line, what was injected, what was observed per destination (by first arrival), findings, then the tester's notes
 * and the recorder's problems — each with its time and its offset from the start.
 *
 * <p>Thread-safety: one instance writes one report, on one thread.
 */
final class MarkdownSessionReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int PREVIEW = 120;

    private final SessionRecording session;

    MarkdownSessionReport(SessionRecording session) {
        this.session = session;
    }

    /** Per destination: count, first and last time. */
    private record Seen(int count, Instant first, Instant last) {
        Seen plus(Instant at) {
            return new Seen(count + 1, first, at.isAfter(last) ? at : last);
        }
    }

    String write() {
        List<SessionRecording.Sent> injected = session.messages().stream().filter(m -> m.entry().injected()).toList();
        Map<Destination, Seen> observed = new LinkedHashMap<>();
        for (SessionRecording.Sent s : session.messages()) {
            if (!s.entry().injected()) {
                observed.merge(s.message().destination(), new Seen(1, s.at(), s.at()), (a, b) -> a.plus(s.at()));
            }
        }
        List<SessionNote> findings = notes(SessionNote.Kind.FINDING);
        Instant end = session.steps.isEmpty() ? session.start() : session.steps.get(session.steps.size() - 1).at();
        StringBuilder out = new StringBuilder();
        out.append("# Session report: ").append(session.header.annotations().getOrDefault("session", session.name)).append("\n\n");
        out.append("Recorded ").append(TIME.format(session.start())).append(" for ").append(seconds(Duration.between(session.start(), end)))
                .append(" in `").append(session.name).append("`: ").append(injected.size()).append(" injected, ")
                .append(observed.values().stream().mapToInt(Seen::count).sum()).append(" observed on ").append(observed.size())
                .append(observed.size() == 1 ? " destination, " : " destinations, ").append(findings.size())
                .append(findings.size() == 1 ? " finding.\n" : " findings.\n");
        session.header.annotations().forEach((k, v) -> {
            if (!k.equals("session")) {
                out.append("\n- ").append(k).append(": ").append(cell(v));
            }
        });
        if (!session.header.annotations().keySet().stream().allMatch("session"::equals)) {
            out.append('\n');
        }
        out.append("\n## What was done\n\n");
        if (injected.isEmpty()) {
            out.append("Nothing was injected; the session only watched.\n");
        } else {
            out.append("| time | destination | key | payload |\n| --- | --- | --- | --- |\n");
            for (SessionRecording.Sent s : injected) {
                Message m = s.message();
                out.append("| ").append(at(s.at())).append(" | ").append(m.destination()).append(" | ")
                        .append(s.key() == null ? "" : "`" + cell(s.key()) + "`").append(" | ").append(preview(m)).append(" |\n");
            }
        }
        out.append("\n## What was observed\n\n");
        if (observed.isEmpty()) {
            out.append("Nothing was observed.\n");
        } else {
            out.append("| destination | messages | first | last |\n| --- | ---: | --- | --- |\n");
            observed.entrySet().stream().sorted(Map.Entry.comparingByValue(java.util.Comparator.comparing(Seen::first)))
                    .forEach(e -> out.append("| ").append(e.getKey()).append(" | ").append(e.getValue().count()).append(" | ")
                            .append(at(e.getValue().first())).append(" | ").append(at(e.getValue().last())).append(" |\n"));
        }
        section(out, "Findings", findings, "No findings.");
        section(out, "Notes", notes(SessionNote.Kind.NOTE), "No notes.");
        List<SessionNote> problems = notes(SessionNote.Kind.PROBLEM);
        if (!problems.isEmpty()) {
            section(out, "Problems while recording (the recording may have gaps)", problems, "");
        }
        return out.toString();
    }

    private List<SessionNote> notes(SessionNote.Kind kind) {
        return session.notes().stream().filter(n -> n.kind() == kind && !n.byRecorder()).toList();
    }

    private void section(StringBuilder out, String title, List<SessionNote> notes, String none) {
        out.append("\n## ").append(title).append("\n\n");
        if (notes.isEmpty()) {
            out.append(none).append('\n');
        }
        for (SessionNote n : notes) {
            out.append("- ").append(at(n.at())).append(": ").append(n.text().strip().replace("\n", "\n  ")).append('\n');
        }
    }

    private String at(Instant t) {
        return CLOCK.format(t) + " (+" + seconds(Duration.between(session.start(), t)) + ")";
    }

    private static String seconds(Duration d) {
        long ms = Math.max(0, d.toMillis());
        return String.format(Locale.ROOT, "%d.%03ds", ms / 1000, ms % 1000);
    }

    private static String preview(Message m) {
        if (m.payload() == null) {
            return "(no payload)";
        }
        String text = m.payloadText().orElse(null);
        if (text == null) {
            return "(" + m.payloadSize() + " bytes, binary)";
        }
        String oneLine = text.strip().replaceAll("\\s*\\R\\s*", " ");
        String shown = oneLine.length() > PREVIEW ? oneLine.substring(0, PREVIEW) + "… (" + m.payloadSize() + " bytes)" : oneLine;
        return "`" + cell(shown).replace("`", "'") + "`";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
