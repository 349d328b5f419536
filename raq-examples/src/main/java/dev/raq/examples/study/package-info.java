/**
 * The live RAQ study: four NVIDIA NIM models (or any OpenAI-compatible server) answer SQuAD questions, an
 * independent judge model ranks the answers, and Friedman's test with Conover and Holm says which differences are real.
 * Run {@link dev.raq.examples.study.LiveRaqStudy}; its options are parsed by {@code StudyConfig}.
 */
@NullMarked
package dev.raq.examples.study;

import org.jspecify.annotations.NullMarked;
