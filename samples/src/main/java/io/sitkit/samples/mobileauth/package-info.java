/**
 * The mobile-auth sample: an auth service that logs users in and announces password changes, and
 * a profile service that checks the tokens a mobile app presents. Start it with
 * {@link io.sitkit.samples.mobileauth.MobileAuthSystem}.
 */
package io.sitkit.samples.mobileauth;
