/**
 * Types public only so that two packages of raq-core can share them; not API, and free to change in any release.
 */
@NullMarked
package dev.raq.core.internal;

import org.jspecify.annotations.NullMarked;
