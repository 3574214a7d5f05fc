package io.sitkit.schema.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * The JSON Schema drafts sitkit reads, chosen by a document's {@code $schema}; a document without
 * one is read as draft 2020-12.
 *
 * <pre>{@code
 * JsonSchemaDraft draft = JsonSchemas.fromFile(path).draft();   // DRAFT_7 or DRAFT_2020_12
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum JsonSchemaDraft {
    /** Draft 7: {@code http://json-schema.org/draft-07/schema#}, {@code definitions}, tuple {@code items}. */
    DRAFT_7("http://json-schema.org/draft-07/schema#", "definitions", "draft 7"),
    /** Draft 2020-12: {@code https://json-schema.org/draft/2020-12/schema}, {@code $defs}, {@code prefixItems}. */
    DRAFT_2020_12("https://json-schema.org/draft/2020-12/schema", "$defs", "draft 2020-12");

    private final String id;
    private final String definitionsKeyword;
    private final String label;

    JsonSchemaDraft(String id, String definitionsKeyword, String label) {
        this.id = id;
        this.definitionsKeyword = definitionsKeyword;
        this.label = label;
    }

    /** The meta-schema URI a document names in {@code $schema}. */
    public String id() {
        return id;
    }

    /** Where reusable subschemas live: {@code definitions} (draft 7) or {@code $defs} (2020-12). */
    public String definitionsKeyword() {
        return definitionsKeyword;
    }

    /** "draft 7" or "draft 2020-12". */
    @Override
    public String toString() {
        return label;
    }

    /**
     * Reads a {@code $schema} value; {@code http} and {@code https}, a trailing {@code #} and case
     * do not matter.
     *
     * @throws IllegalArgumentException naming the value and the two accepted URIs
     */
    public static JsonSchemaDraft fromUri(String uri) {
        String n = uri == null ? "" : uri.trim().toLowerCase(Locale.ROOT);
        n = n.replaceFirst("^https?://", "").replaceFirst("#$", "");
        if (n.equals("json-schema.org/draft-07/schema")) {
            return DRAFT_7;
        }
        if (n.equals("json-schema.org/draft/2020-12/schema")) {
            return DRAFT_2020_12;
        }
        throw new IllegalArgumentException("unsupported $schema '" + uri + "'; use " + DRAFT_2020_12.id
                + " or " + DRAFT_7.id);
    }

    /** The draft a schema document declares in {@code $schema}, or 2020-12 when it declares none. */
    public static JsonSchemaDraft of(JsonNode document) {
        JsonNode declared = document == null ? null : document.get("$schema");
        if (declared == null || declared.isNull()) {
            return DRAFT_2020_12;
        }
        if (!declared.isTextual()) {
            throw new IllegalArgumentException("$schema must be a string, was " + declared);
        }
        return fromUri(declared.asText());
    }
}
