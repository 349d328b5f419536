package dev.raq.springai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ReplySchema;
import dev.raq.core.model.TokenUsage;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.ModelOptionsUtils;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Translates requests and replies between RAQ's model vocabulary and Spring AI's, in both directions. */
final class Conversions {

    private Conversions() {
    }

    // ---- RAQ -> Spring AI ----

    /**
     * The Spring AI prompt for a RAQ request: every message with its role, the sampling options as portable
     * {@link ChatOptions}, and the reply schema as an output schema on a copy of the model's own option type (when
     * {@code modelDefaults} supports one and {@code mode} asks for it) or as instructions in the last user message.
     */
    static Prompt toPrompt(ChatRequest request, ReplySchemaMode mode, @Nullable ChatOptions modelDefaults) {
        GenerationOptions o = request.options();
        ChatOptions.Builder b = ChatOptions.builder();
        o.temperature().ifPresent(b::temperature);
        o.topP().ifPresent(b::topP);
        o.maxTokens().ifPresent(b::maxTokens);
        if (!o.stop().isEmpty()) {
            b.stopSequences(o.stop());
        }
        o.frequencyPenalty().ifPresent(b::frequencyPenalty);
        o.presencePenalty().ifPresent(b::presencePenalty);
        ChatOptions options = b.build();
        Optional<ReplySchema> schema = request.replySchema();
        boolean inPrompt = schema.isPresent();
        if (schema.isPresent() && mode == ReplySchemaMode.OUTPUT_SCHEMA && modelDefaults != null) {
            ChatOptions typed = withOutputSchema(options, modelDefaults, schema.get());
            if (typed != null) {
                options = typed;
                inPrompt = false;
            }
        }
        List<ChatMessage> messages = request.messages();
        int lastUser = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).role() == ChatMessage.Role.USER) {
                lastUser = i;
            }
        }
        List<Message> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            String content = m.content();
            if (i == lastUser && inPrompt) {
                content = content + schema.get().promptInstructions();
            }
            out.add(switch (m.role()) {
                case SYSTEM -> new SystemMessage(content);
                case USER -> new UserMessage(content);
                case ASSISTANT -> new AssistantMessage(content);
            });
        }
        return new Prompt(out, options);
    }

    /** The portable options on the model's own option type with the output schema set, or null if unsupported. */
    private static @Nullable ChatOptions withOutputSchema(ChatOptions options, ChatOptions modelDefaults,
                                                          ReplySchema schema) {
        if (!(modelDefaults instanceof StructuredOutputChatOptions)) {
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            Class<ChatOptions> type = (Class<ChatOptions>) modelDefaults.getClass();
            ChatOptions typed = ModelOptionsUtils.copyToTarget(options, ChatOptions.class, type);
            ((StructuredOutputChatOptions) typed).setOutputSchema(schema.jsonSchema());
            return typed;
        } catch (RuntimeException e) { // an option type without a no-argument constructor
            return null;
        }
    }

    /** A completion builder for a Spring AI reply (without timing). */
    static Completion.Builder toCompletion(ChatResponse response, boolean schemaAsked) {
        Generation g = response.getResult();
        String text = g == null || g.getOutput() == null ? null : g.getOutput().getText();
        if (text == null) {
            text = "";
        }
        Completion.Builder b = Completion.builder(schemaAsked ? ReplySchema.unfenced(text) : text);
        if (g != null && g.getMetadata() != null) {
            String reason = g.getMetadata().getFinishReason();
            b.finishReason(reason == null || reason.isBlank() ? null : reason.toLowerCase(Locale.ROOT));
        }
        ChatResponseMetadata md = response.getMetadata();
        if (md != null) {
            b.usage(usage(md.getUsage()));
            String model = md.getModel();
            b.modelId(model == null || model.isBlank() ? null : model);
        }
        return b;
    }

    static @Nullable TokenUsage usage(@Nullable Usage usage) {
        if (usage == null || usage instanceof EmptyUsage
                || (usage.getPromptTokens() == null && usage.getCompletionTokens() == null)) {
            return null;
        }
        Integer in = usage.getPromptTokens();
        Integer out = usage.getCompletionTokens();
        return TokenUsage.reported(in == null ? 0 : in, out == null ? 0 : out);
    }

    // ---- Spring AI -> RAQ ----

    /**
     * The RAQ request for a Spring AI prompt.
     *
     * @throws UnsupportedOperationException for tool messages and top-k, which a RAQ client does not take
     */
    static ChatRequest toRaq(Prompt prompt) {
        ChatRequest.Builder b = ChatRequest.builder();
        for (Message m : prompt.getInstructions()) {
            String text = m.getText() == null ? "" : m.getText();
            switch (m.getMessageType()) {
                case SYSTEM -> b.system(text);
                case USER -> b.user(text);
                case ASSISTANT -> {
                    if (m instanceof AssistantMessage a && a.hasToolCalls()) {
                        throw new UnsupportedOperationException("a RAQ client does not run tools; the conversation "
                                + "holds a tool call");
                    }
                    b.assistant(text);
                }
                default -> throw new UnsupportedOperationException("a RAQ client takes system, user and assistant "
                        + "messages only, not " + m.getMessageType());
            }
        }
        ChatOptions o = prompt.getOptions();
        if (o != null) {
            if (o.getTopK() != null) {
                throw new UnsupportedOperationException("a RAQ client has no top-k sampling (topK=" + o.getTopK() + ")");
            }
            GenerationOptions.Builder g = GenerationOptions.builder();
            if (o.getTemperature() != null) {
                g.temperature(o.getTemperature());
            }
            if (o.getTopP() != null) {
                g.topP(o.getTopP());
            }
            if (o.getMaxTokens() != null) {
                g.maxTokens(o.getMaxTokens());
            }
            if (o.getStopSequences() != null && !o.getStopSequences().isEmpty()) {
                g.stop(o.getStopSequences());
            }
            if (o.getFrequencyPenalty() != null) {
                g.frequencyPenalty(o.getFrequencyPenalty());
            }
            if (o.getPresencePenalty() != null) {
                g.presencePenalty(o.getPresencePenalty());
            }
            b.options(g.build());
            b.replySchema(replySchema(o));
        }
        return b.build();
    }

    private static @Nullable ReplySchema replySchema(ChatOptions o) {
        if (!(o instanceof StructuredOutputChatOptions s)) {
            return null;
        }
        String schema;
        try {
            schema = s.getOutputSchema();
        } catch (RuntimeException e) { // OpenAiChatOptions throws when no response format is set
            return null;
        }
        if (schema == null || schema.isBlank()) {
            schema = responseFormatSchema(o);
        }
        return schema == null || schema.isBlank() ? null : new ReplySchema("reply", "", schema);
    }

    /**
     * The schema of an OpenAI-style {@code response_format} in the options' JSON form: Spring AI 1.1's
     * {@code OpenAiChatOptions#getOutputSchema} returns null when the schema was set through its builder.
     */
    private static @Nullable String responseFormatSchema(ChatOptions o) {
        try {
            JsonNode schema = ModelOptionsUtils.OBJECT_MAPPER.valueToTree(o).path("response_format")
                    .path("json_schema").path("schema");
            return schema.isObject() ? ModelOptionsUtils.OBJECT_MAPPER.writeValueAsString(schema) : null;
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /** The Spring AI reply for a RAQ completion; {@code configuredModel} names the model when the server did not. */
    static ChatResponse toChatResponse(Completion completion, @Nullable String configuredModel) {
        ChatGenerationMetadata.Builder gm = ChatGenerationMetadata.builder();
        completion.finishReason().ifPresent(r -> gm.finishReason(r.toUpperCase(Locale.ROOT)));
        Generation generation = new Generation(new AssistantMessage(completion.text()), gm.build());
        ChatResponseMetadata.Builder md = ChatResponseMetadata.builder();
        String model = completion.modelId().orElse(configuredModel);
        if (model != null) {
            md.model(model);
        }
        completion.usage().ifPresent(u -> md.usage(new DefaultUsage(Math.toIntExact(u.promptTokens()),
                Math.toIntExact(u.completionTokens()))));
        return new ChatResponse(List.of(generation), md.build());
    }
}
