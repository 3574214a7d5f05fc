package io.sitkit.samples.health;

/**
 * Integration bugs the healthcare system can be started with, each one a mistake real systems make.
 *
 * <pre>{@code
 * try (HealthSystem health = HealthSystem.start(wiring, EnumSet.of(Bug.OLDER_UPDATE_WINS))) { ... }
 * }</pre>
 *
 * <p>Thread-safety: an enum.
 */
public enum Bug {
    /** The EMR's JSON mapper writes snake_case: its events carry {@code patient_id} where readers expect {@code patientId}. */
    SNAKE_CASE_PATIENT_ID,
    /** The EMR applies demographic updates in arrival order, ignoring their version: a late older update overwrites a newer one. */
    OLDER_UPDATE_WINS,
    /** The EMR reads the correlation id from a {@code correlationId} header, but registration sends {@code correlation-id}: the id is lost. */
    LOST_CORRELATION_ID,
    /** Claims keys its coverage by the EMR's medical record number and sends the MRN in the {@code patientId} field. */
    MRN_AS_PATIENT_ID
}
