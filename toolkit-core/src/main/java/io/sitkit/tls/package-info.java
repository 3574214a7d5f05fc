/**
 * Throw-away TLS material for secured test brokers: a self-signed server and client certificate
 * in PKCS12 key stores plus a trust store holding both, generated with the JDK's {@code keytool}.
 */
package io.sitkit.tls;
