/**
 * METEOR exactly as NLTK 3.8 computes it, with WordNet 3.0 synonyms: {@link dev.raq.meteor.Meteor} scores a
 * hypothesis against references, and {@link dev.raq.meteor.Meteor#scorer()} makes it a rule-based judge's metric. It
 * lives in its own module because it carries WordNet (extJWNL and about 11 MB of WordNet data), which the other
 * metrics of raq-metrics do not need.
 */
@NullMarked
package dev.raq.meteor;

import org.jspecify.annotations.NullMarked;
