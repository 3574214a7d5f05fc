/**
 * The registration sample: a registration service, an authentication service and an e-mail
 * service, where usernames with quotes, {@code +}, accents, emoji or markup must reach the e-mail
 * intact. Start it with {@link io.sitkit.samples.registration.RegistrationSystem}.
 */
package io.sitkit.samples.registration;
