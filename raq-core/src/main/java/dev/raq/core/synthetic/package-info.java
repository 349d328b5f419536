/**
 * Synthetic question–answer data for when there is no dataset ({@link dev.raq.core.synthetic.SyntheticDataset}): an
 * independent generator model writes pairs grounded in the user's passages, or more pairs like a few seed samples,
 * validated, deduplicated and labelled with their provenance.
 */
@NullMarked
package dev.raq.core.synthetic;

import org.jspecify.annotations.NullMarked;
