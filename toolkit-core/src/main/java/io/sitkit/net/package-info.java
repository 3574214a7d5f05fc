/**
 * Network faults between clients and brokers: {@link io.sitkit.net.NetworkProxy}, an in-process
 * loopback TCP proxy that adds latency, limits bandwidth and resets connections, and counts the
 * bytes and connections that went through it.
 */
package io.sitkit.net;
