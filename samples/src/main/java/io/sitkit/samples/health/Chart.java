package io.sitkit.samples.health;

/**
 * A patient's chart as the EMR holds it: the patient id from registration, the EMR's own medical
 * record number, the version of the last registration event applied, demographics and insurance.
 *
 * <pre>{@code
 * Chart moved = chart.withDemographics(3, "9 Canal Street", "+44 141 496 0000");
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public record Chart(String patientId, String mrn, int version, String givenName, String familyName, String birthDate,
                    String address, String phone, String insurer, String policyNumber) {

    /** The chart after a demographic update of {@code version}. */
    public Chart withDemographics(int version, String address, String phone) {
        return new Chart(patientId, mrn, version, givenName, familyName, birthDate, address, phone, insurer, policyNumber);
    }

    /** The chart after an insurance transfer of {@code version}. */
    public Chart withInsurance(int version, String insurer, String policyNumber) {
        return new Chart(patientId, mrn, version, givenName, familyName, birthDate, address, phone, insurer, policyNumber);
    }
}
