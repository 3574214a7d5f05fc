package io.sitkit.samples.registration;

/**
 * Integration bugs the registration system can be started with.
 * {@code RegistrationSystem.start(wiring, EnumSet.of(Bug.SNAKE_CASE_FIELDS))}.
 *
 * <p>Thread-safety: an enum.
 */
public enum Bug {
    /**
     * The authentication service's JSON mapper was switched to snake_case naming: its e-mail
     * requests say {@code user_id} and {@code activation_link}, the e-mail service reads
     * {@code userId} and {@code activationLink} and parks every request as unreadable.
     */
    SNAKE_CASE_FIELDS,
    /**
     * The e-mail service decodes the request bytes with ISO-8859-1 (its platform default) instead
     * of UTF-8: {@code jürgen} is greeted as {@code jÃ¼rgen}.
     */
    ISO_8859_1_EMAIL,
    /**
     * The e-mail service writes the username into the HTML body without escaping it: a username
     * {@code <script>…} becomes markup in the customer's mailbox.
     */
    UNESCAPED_HTML
}
