/**
 * The inspector's JavaFX views: nodes that bind to view-model properties and forward user actions
 * to view-model commands — nothing here talks to a broker or decides anything.
 */
package io.sitkit.fx.view;
