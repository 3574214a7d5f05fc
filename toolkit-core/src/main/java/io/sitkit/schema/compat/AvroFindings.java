package io.sitkit.schema.compat;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns one of Avro's {@link Incompatibility} findings into a {@link CompatibilityProblem}: its
 * location ({@code /fields/2/type/items/fields/0/type}) becomes a field path
 * ({@code $.items[*].qty}) by walking the reader and writer schemas side by side, and its type into
 * words, with old and new always in time order whichever side reads.
 *
 * <p>Thread-safety: stateless.
 */
final class AvroFindings {
    private AvroFindings() {
    }

    static List<CompatibilityProblem> translate(Incompatibility finding, Schema reader, Schema writer, String version,
                                                ReadDirection direction) {
        return translate(finding, Position.walk(finding.getLocation(), reader, writer, FieldPath.ROOT), version, direction);
    }

    private static List<CompatibilityProblem> translate(Incompatibility finding, Position at, String version,
                                                        ReadDirection direction) {
        if (finding.getType() == SchemaCompatibility.SchemaIncompatibilityType.MISSING_UNION_BRANCH) {
            List<CompatibilityProblem> inside = insideChangedBranch(at, version, direction);
            if (!inside.isEmpty()) {
                return inside;
            }
        }
        return List.of(translateOne(finding, at, version, direction));
    }

    /**
     * Avro does not look inside a union branch it cannot read; when the reader's union still has a
     * branch of the same type and name, what changed inside it is what the user needs to see.
     */
    private static List<CompatibilityProblem> insideChangedBranch(Position at, String version, ReadDirection direction) {
        if (at.fieldReader.getType() != Schema.Type.UNION || at.writer == null || at.writer.getType() == Schema.Type.UNION) {
            return List.of();
        }
        for (Schema branch : at.fieldReader.getTypes()) {
            if (branch.getType() == at.writer.getType() && SchemaCompatibility.schemaNameEquals(branch, at.writer)
                    && branch.getType() != Schema.Type.NULL) {
                List<CompatibilityProblem> out = new ArrayList<>();
                for (Incompatibility nested : SchemaCompatibility.checkReaderWriterCompatibility(branch, at.writer)
                        .getResult().getIncompatibilities()) {
                    out.addAll(translate(nested, Position.walk(nested.getLocation(), branch, at.writer, at.path),
                            version, direction));
                }
                return out;
            }
        }
        return List.of();
    }

    private static CompatibilityProblem translateOne(Incompatibility finding, Position at, String version,
                                                     ReadDirection direction) {
        boolean newReads = direction == ReadDirection.NEW_READS_OLD;
        String readers = direction.readers(version);
        String data = direction.data(version);
        String subject = at.path.subject();
        switch (finding.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE: {
                String message = "field " + subject + " has no default, so " + readers + " cannot read " + data
                        + " that lacks it" + renameHint(at, newReads);
                return problem(version, direction, at, newReads ? ChangeKind.REQUIRED_FIELD_ADDED : ChangeKind.FIELD_REMOVED, message);
            }
            case MISSING_ENUM_SYMBOLS: {
                List<String> symbols = new ArrayList<>(finding.getWriterFragment().getEnumSymbols());
                symbols.removeAll(finding.getReaderFragment().getEnumSymbols());
                String listed = symbols.stream().map(s -> "`" + s + "`").collect(Collectors.joining(", "));
                String noun = symbols.size() == 1 ? "symbol " : "symbols ";
                String enumName = "enum `" + finding.getReaderFragment().getName() + "`";
                return newReads
                        ? problem(version, direction, at, ChangeKind.ENUM_NARROWED, noun + listed + " missing from " + enumName)
                        : problem(version, direction, at, ChangeKind.ENUM_WIDENED, noun + listed + " added to " + enumName);
            }
            case TYPE_MISMATCH:
                return typeChanged(version, direction, at, newReads);
            case MISSING_UNION_BRANCH: {
                if (at.fieldReader.getType() != Schema.Type.UNION || at.fieldWriter == null
                        || at.fieldWriter.getType() != Schema.Type.UNION) {
                    return typeChanged(version, direction, at, newReads);
                }
                String branch = describe(at.writer);
                String was = describe(newReads ? at.fieldWriter : at.fieldReader);
                String now = describe(newReads ? at.fieldReader : at.fieldWriter);
                return newReads
                        ? problem(version, direction, at, ChangeKind.UNION_BRANCH_REMOVED, "union of " + subject
                        + " lost the branch " + branch + " (was " + was + ", now " + now + ")")
                        : problem(version, direction, at, ChangeKind.UNION_BRANCH_ADDED, "union of " + subject
                        + " gained the branch " + branch + " (was " + was + ", now " + now + ")");
            }
            case NAME_MISMATCH: {
                Schema oldType = newReads ? finding.getWriterFragment() : finding.getReaderFragment();
                Schema newType = newReads ? finding.getReaderFragment() : finding.getWriterFragment();
                boolean sameSpace = java.util.Objects.equals(oldType.getNamespace(), newType.getNamespace());
                String oldName = sameSpace ? oldType.getName() : oldType.getFullName();
                String newName = sameSpace ? newType.getName() : newType.getFullName();
                String where = at.path.isRoot() ? "the root " + kind(newType) : "the " + kind(newType) + " at " + subject;
                String hint = newReads ? "; give `" + newName + "` the alias `" + oldName + "`" : "";
                return problem(version, direction, at, ChangeKind.NAME_CHANGED, "name of " + where + " changed from `"
                        + oldName + "` to `" + newName + "`" + hint);
            }
            case FIXED_SIZE_MISMATCH: {
                Schema oldType = newReads ? finding.getWriterFragment() : finding.getReaderFragment();
                Schema newType = newReads ? finding.getReaderFragment() : finding.getWriterFragment();
                return problem(version, direction, at, ChangeKind.FIXED_SIZE_CHANGED, "size of fixed `"
                        + newType.getName() + "` changed from " + oldType.getFixedSize() + " to " + newType.getFixedSize());
            }
            default:
                return problem(version, direction, at, ChangeKind.OTHER, finding.getType() + " at " + subject + ": "
                        + finding.getMessage().replaceAll("\\s*\\R\\s*", " "));
        }
    }

    private static CompatibilityProblem typeChanged(String version, ReadDirection direction, Position at, boolean newReads) {
        Schema oldType = newReads ? at.fieldWriter : at.fieldReader;
        Schema newType = newReads ? at.fieldReader : at.fieldWriter;
        return problem(version, direction, at, ChangeKind.TYPE_CHANGED, "type of " + at.path.subject() + " changed from "
                + describe(oldType) + " to " + describe(newType));
    }

    private static CompatibilityProblem problem(String version, ReadDirection direction, Position at, ChangeKind kind,
                                                String message) {
        return new CompatibilityProblem(version, direction, at.path.toString(), kind, message);
    }

    /** A writer field the reader does not know, of the very type of the field without default: a rename? */
    private static String renameHint(Position at, boolean newReads) {
        if (at.readerField == null || at.writer == null || at.writer.getType() != Schema.Type.RECORD) {
            return "";
        }
        List<Schema.Field> unmatched = new ArrayList<>(at.writer.getFields());
        for (Schema.Field f : at.reader.getFields()) {
            unmatched.remove(SchemaCompatibility.lookupWriterField(at.writer, f));
        }
        for (Schema.Field f : unmatched) {
            if (f.schema().equals(at.readerField.schema())) {
                return newReads
                        ? "; `" + f.name() + "` removed with the same type — renamed? give `" + at.readerField.name()
                        + "` the alias `" + f.name() + "`"
                        : "; `" + f.name() + "` added with the same type — renamed?";
            }
        }
        return "";
    }

    /** An Avro type in words: {@code int}, {@code long (timestamp-millis)}, {@code record `Address`}, {@code null or string}. */
    static String describe(Schema schema) {
        if (schema == null) {
            return "nothing";
        }
        switch (schema.getType()) {
            case RECORD, ENUM, FIXED:
                return kind(schema) + " `" + schema.getName() + "`" + logical(schema);
            case ARRAY:
                return "array of " + describe(schema.getElementType());
            case MAP:
                return "map of " + describe(schema.getValueType());
            case UNION:
                return schema.getTypes().stream().map(AvroFindings::describe).collect(Collectors.joining(" or "));
            default:
                return schema.getType().getName() + logical(schema);
        }
    }

    private static String kind(Schema named) {
        return named.getType().getName();
    }

    private static String logical(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        if (logical == null) {
            return "";
        }
        if (logical instanceof LogicalTypes.Decimal d) {
            return " (decimal(" + d.getPrecision() + "," + d.getScale() + "))";
        }
        return " (" + logical.getName() + ")";
    }

    /** Where a finding sits in the reader (and the matching writer) schema, and the path that leads there. */
    static final class Position {
        FieldPath path = FieldPath.ROOT;
        Schema reader;
        Schema writer;
        /** The schemas of the field itself, before stepping into a branch of a union. */
        Schema fieldReader;
        Schema fieldWriter;
        /** The last reader field stepped into, when the finding is about it (a missing default). */
        Schema.Field readerField;

        static Position walk(String location, Schema reader, Schema writer, FieldPath start) {
            Position p = new Position();
            p.path = start;
            p.reader = reader;
            p.writer = writer;
            p.fieldReader = reader;
            p.fieldWriter = writer;
            String[] tokens = location == null ? new String[0] : location.split("/");
            for (int i = 0; i < tokens.length; i++) {
                String token = tokens[i];
                if (token.isEmpty()) {
                    continue;
                }
                if (token.equals("fields") && i + 1 < tokens.length && p.reader.getType() == Schema.Type.RECORD) {
                    Schema.Field field = p.reader.getFields().get(Integer.parseInt(tokens[++i]));
                    p.path = p.path.field(field.name());
                    p.readerField = field;
                    Schema.Field writerField = p.writer != null && p.writer.getType() == Schema.Type.RECORD
                            ? SchemaCompatibility.lookupWriterField(p.writer, field) : null;
                    if (i + 1 < tokens.length && tokens[i + 1].equals("type")) {
                        i++;
                        p.step(field.schema(), writerField == null ? null : writerField.schema());
                        p.readerField = null;
                    }
                } else if (token.equals("items") && p.reader.getType() == Schema.Type.ARRAY) {
                    p.path = p.path.items();
                    p.step(p.reader.getElementType(), p.writer != null && p.writer.getType() == Schema.Type.ARRAY
                            ? p.writer.getElementType() : null);
                } else if (token.equals("values") && p.reader.getType() == Schema.Type.MAP) {
                    p.path = p.path.mapValues();
                    p.step(p.reader.getValueType(), p.writer != null && p.writer.getType() == Schema.Type.MAP
                            ? p.writer.getValueType() : null);
                } else if (token.chars().allMatch(Character::isDigit)) {
                    p.branch(Integer.parseInt(token));
                } else {
                    break;   // symbols, size, name: the finding is about this type itself
                }
            }
            return p;
        }

        private void step(Schema r, Schema w) {
            reader = r;
            writer = w;
            fieldReader = r;
            fieldWriter = w;
        }

        /** Steps into the writer's union branch, and the reader's branch of the same type and name. */
        private void branch(int index) {
            if (writer == null || writer.getType() != Schema.Type.UNION || index >= writer.getTypes().size()) {
                return;
            }
            writer = writer.getTypes().get(index);
            if (reader.getType() == Schema.Type.UNION) {
                Schema match = null;
                for (Schema candidate : reader.getTypes()) {
                    if (candidate.getType() == writer.getType()
                            && (match == null || SchemaCompatibility.schemaNameEquals(candidate, writer))) {
                        match = candidate;
                    }
                }
                if (match != null) {
                    reader = match;
                }
            }
        }
    }
}
