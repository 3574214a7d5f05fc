/**
 * Redaction: the one place that decides what of a message may be shown or written. A
 * {@link io.sitkit.redact.Redactor} masks configured secret values and sensitive JSON fields with
 * {@link io.sitkit.config.Secrets#MASK} before sitkit renders a message or writes it to a capture file.
 */
package io.sitkit.redact;
