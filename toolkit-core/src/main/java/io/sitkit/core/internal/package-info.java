/** Implementation details of the core model; not API, may change without notice. */
package io.sitkit.core.internal;
