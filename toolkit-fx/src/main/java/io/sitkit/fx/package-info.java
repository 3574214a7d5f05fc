/**
 * The desktop inspector module: it depends on toolkit-core and brings in the embedded brokers so
 * its sandbox connection profile runs without extra setup.
 */
package io.sitkit.fx;
