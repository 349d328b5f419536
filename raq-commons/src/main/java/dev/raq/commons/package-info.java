/**
 * What every RAQ module shares and no user calls: the argument checks of {@link dev.raq.commons.Preconditions}.
 * Internal: it may change in any release.
 */
@NullMarked
package dev.raq.commons;

import org.jspecify.annotations.NullMarked;
