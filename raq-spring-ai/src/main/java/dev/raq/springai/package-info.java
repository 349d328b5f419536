/**
 * Spring AI adapters: a RAQ {@link dev.raq.core.model.ModelClient} from a Spring AI {@code ChatModel}, and a RAQ
 * client as a Spring AI {@code ChatModel}. Both directions keep the model id, token usage, finish reason, system
 * messages, sampling options and structured replies; start at {@link dev.raq.springai.SpringAiClients}.
 */
@NullMarked
package dev.raq.springai;

import org.jspecify.annotations.NullMarked;
