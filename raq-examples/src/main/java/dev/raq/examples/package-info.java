/**
 * Runnable examples of RAQ: the offline demo evaluation, the live RAQ study and the command line.
 */
@NullMarked
package dev.raq.examples;

import org.jspecify.annotations.NullMarked;
