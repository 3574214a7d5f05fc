package io.sitkit.fx.service;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, as spreadsheets write it: fields separated by commas, a field with a comma, quote or
 * line break in double quotes, a quote inside doubled; records end with CRLF (LF and CR read too).
 *
 * <p>Thread-safety: stateless; a {@link Records} reader belongs to one thread.
 */
final class Csv {
    private Csv() {
    }

    /** Writes one record and its CRLF. */
    static void write(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.write('"');
                out.write(f.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(f);
            }
        }
        out.write("\r\n");
    }

    /**
     * Reads records one at a time; a quoted field may span lines.
     *
     * <p>Thread-safety: confined to one thread.
     */
    static final class Records {
        private final Reader in;
        private int line = 1;
        private int next = -2;

        Records(Reader in) {
            this.in = in;
        }

        /** The line the next record starts on (1-based), for error messages. */
        int line() {
            return line;
        }

        private int read() {
            try {
                if (next != -2) {
                    int c = next;
                    next = -2;
                    return c;
                }
                return in.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next record's fields, or null at the end; a blank line is skipped. */
        List<String> next() {
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (int c = read(); ; c = read()) {
                if (c == -1) {
                    if (quoted) {
                        throw new IllegalArgumentException("line " + line + ": a quoted field is not closed before the end of the file");
                    }
                    if (!any && f.length() == 0 && fields.isEmpty()) {
                        return null;
                    }
                    fields.add(f.toString());
                    return fields;
                }
                any = true;
                if (quoted) {
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            f.append('"');
                        } else {
                            quoted = false;
                            next = d;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        f.append((char) c);
                    }
                } else if (c == '"' && f.length() == 0) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        int d = read();
                        if (d != '\n') {
                            next = d;
                        }
                    }
                    line++;
                    if (fields.isEmpty() && f.length() == 0) {
                        any = false;
                        continue;
                    }
                    fields.add(f.toString());
                    return fields;
                } else {
                    f.append((char) c);
                }
            }
        }
    }
}
