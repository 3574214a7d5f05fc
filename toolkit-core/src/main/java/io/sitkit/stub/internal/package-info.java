/**
 * Not API: the reader of stub files ({@link io.sitkit.stub.StubFiles}) — YAML nodes that know
 * their line and column, and the readers of stubs, rules, conditions, replies and faults.
 */
package io.sitkit.stub.internal;
