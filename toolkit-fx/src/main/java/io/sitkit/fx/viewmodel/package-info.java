/**
 * View-models of the inspector: read-only JavaFX properties and observable lists that views bind
 * to, and command methods that views call. No {@code Node} is imported here, so every view-model
 * is tested without a Stage: network work runs on {@link io.sitkit.fx.viewmodel.Background}'s
 * daemon threads and results are published on its UI executor (the FX thread in the app, a plain
 * thread in tests).
 */
package io.sitkit.fx.viewmodel;
