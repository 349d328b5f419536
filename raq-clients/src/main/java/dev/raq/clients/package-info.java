/**
 * Model clients over {@code java.net.http}: OpenAI-compatible chat completions (OpenAI, NVIDIA NIM, vLLM, Ollama
 * and others) and Anthropic Messages, plus the decorators that make any client resilient.
 */
@NullMarked
package dev.raq.clients;

import org.jspecify.annotations.NullMarked;
