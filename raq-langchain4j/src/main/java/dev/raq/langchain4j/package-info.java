/**
 * LangChain4j adapters: a RAQ {@link dev.raq.core.model.ModelClient} from a LangChain4j {@code ChatModel} or
 * {@code StreamingChatModel}, and a RAQ client as a LangChain4j {@code ChatModel}. Both directions keep the model id,
 * token usage, finish reason, system messages, sampling options and structured replies; start at
 * {@link dev.raq.langchain4j.LangChain4jClients}.
 */
@NullMarked
package dev.raq.langchain4j;

import org.jspecify.annotations.NullMarked;
