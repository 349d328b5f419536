package dev.raq.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ReplySchema;
import dev.raq.core.model.TokenUsage;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Translates requests and replies between RAQ's model vocabulary and LangChain4j's, in both directions. LangChain4j
 * types whose simple names clash with RAQ's ({@code ChatRequest}, {@code ChatMessage}, {@code TokenUsage}) are
 * written with their package.
 */
final class Conversions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The schema of a LangChain4j JSON response format that has none: any JSON object. */
    static final String ANY_OBJECT_SCHEMA = "{\"type\":\"object\"}";

    private Conversions() {
    }

    // ---- RAQ -> LangChain4j (a LangChain4j model behind a RAQ client) ----

    /** The LangChain4j request for a RAQ request: messages, sampling options and the reply schema in {@code mode}. */
    static dev.langchain4j.model.chat.request.ChatRequest toLangChain4j(ChatRequest request, ReplySchemaMode mode) {
        Optional<ReplySchema> schema = request.replySchema();
        List<ChatMessage> messages = request.messages();
        int lastUser = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).role() == ChatMessage.Role.USER) {
                lastUser = i;
            }
        }
        List<dev.langchain4j.data.message.ChatMessage> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            String content = m.content();
            if (i == lastUser && mode == ReplySchemaMode.PROMPT && schema.isPresent()) {
                content = content + schema.get().promptInstructions();
            }
            switch (m.role()) {
                case SYSTEM -> {
                    if (!content.isBlank()) { // LangChain4j rejects a blank system message; it says nothing anyway
                        out.add(SystemMessage.from(content));
                    }
                }
                case USER -> out.add(UserMessage.from(content));
                case ASSISTANT -> out.add(AiMessage.from(content));
            }
        }
        DefaultChatRequestParameters.Builder<?> p = ChatRequestParameters.builder();
        GenerationOptions o = request.options();
        o.temperature().ifPresent(p::temperature);
        o.topP().ifPresent(p::topP);
        o.maxTokens().ifPresent(p::maxOutputTokens);
        if (!o.stop().isEmpty()) {
            p.stopSequences(o.stop());
        }
        o.frequencyPenalty().ifPresent(p::frequencyPenalty);
        o.presencePenalty().ifPresent(p::presencePenalty);
        if (schema.isPresent()) {
            ReplySchema s = schema.get();
            if (mode == ReplySchemaMode.RESPONSE_FORMAT) {
                p.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder().name(s.name()).rootElement(JsonRawSchema.from(s.jsonSchema()))
                                .build())
                        .build());
            } else if (mode == ReplySchemaMode.TOOL_CALL) {
                p.toolSpecifications(toolSpecification(s)).toolChoice(ToolChoice.REQUIRED);
            }
        }
        return dev.langchain4j.model.chat.request.ChatRequest.builder().messages(out).parameters(p.build()).build();
    }

    /** A tool whose parameters are the reply schema (a JSON object schema), for {@link ReplySchemaMode#TOOL_CALL}. */
    static ToolSpecification toolSpecification(ReplySchema schema) {
        try {
            ObjectNode tool = JSON.createObjectNode();
            tool.put("name", schema.name());
            tool.put("description", schema.description());
            tool.set("parameters", JSON.readTree(schema.jsonSchema()));
            return ToolSpecification.fromJson(JSON.writeValueAsString(tool));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("reply schema '" + schema.name()
                    + "' cannot be a LangChain4j tool (TOOL_CALL needs a JSON object schema): " + e.getMessage(), e);
        }
    }

    /**
     * A completion builder for a LangChain4j reply (without timing): the text (a tool call's arguments in
     * {@link ReplySchemaMode#TOOL_CALL}; unfenced when a schema was asked for), usage, finish reason and the model id
     * the server reported.
     */
    static Completion.Builder toCompletion(ChatResponse response, boolean schemaAsked, ReplySchemaMode mode) {
        AiMessage ai = response.aiMessage();
        String text = null;
        if (ai != null) {
            if (schemaAsked && mode == ReplySchemaMode.TOOL_CALL && ai.hasToolExecutionRequests()) {
                ToolExecutionRequest call = ai.toolExecutionRequests().get(0);
                text = call.arguments();
            }
            if (text == null) {
                text = ai.text();
            }
        }
        if (text == null) {
            text = "";
        }
        if (schemaAsked) {
            text = ReplySchema.unfenced(text);
        }
        Completion.Builder b = Completion.builder(text);
        ChatResponseMetadata md = response.metadata();
        if (md != null) {
            b.usage(usage(md.tokenUsage())).finishReason(finishReason(md.finishReason())).modelId(md.modelName());
        }
        return b;
    }

    /** RAQ usage for LangChain4j's, or null when the server reported none. */
    static @Nullable TokenUsage usage(dev.langchain4j.model.output.@Nullable TokenUsage usage) {
        if (usage == null || (usage.inputTokenCount() == null && usage.outputTokenCount() == null)) {
            return null;
        }
        Integer in = usage.inputTokenCount();
        Integer out = usage.outputTokenCount();
        return TokenUsage.reported(in == null ? 0 : in, out == null ? 0 : out);
    }

    /**
     * The finish reason in OpenAI's words ({@code stop}, {@code length}, {@code tool_calls}, {@code content_filter},
     * {@code other}), as RAQ reports it; null when LangChain4j reported none.
     */
    static @Nullable String finishReason(@Nullable FinishReason reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_EXECUTION -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
            case OTHER -> "other";
        };
    }

    // ---- LangChain4j -> RAQ (a RAQ client behind a LangChain4j ChatModel) ----

    /**
     * The RAQ request for a LangChain4j request.
     *
     * @throws UnsupportedFeatureException for what a RAQ client cannot do: tools, non-text content, top-k
     */
    static ChatRequest toRaq(dev.langchain4j.model.chat.request.ChatRequest request) {
        ChatRequest.Builder b = ChatRequest.builder();
        for (dev.langchain4j.data.message.ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                b.system(s.text());
            } else if (m instanceof UserMessage u) {
                b.user(text(u));
            } else if (m instanceof AiMessage a) {
                if (a.hasToolExecutionRequests()) {
                    throw new UnsupportedFeatureException("a RAQ client does not run tools; the conversation holds a "
                            + "tool call");
                }
                b.assistant(a.text() == null ? "" : a.text());
            } else {
                throw new UnsupportedFeatureException("a RAQ client takes system, user and AI messages only, not "
                        + m.type());
            }
        }
        ChatRequestParameters p = request.parameters();
        if (p != null) {
            if (p.toolSpecifications() != null && !p.toolSpecifications().isEmpty()) {
                throw new UnsupportedFeatureException("a RAQ client does not take tools; ask for a JSON response "
                        + "format instead");
            }
            if (p.topK() != null) {
                throw new UnsupportedFeatureException("a RAQ client has no top-k sampling (topK=" + p.topK() + ")");
            }
            GenerationOptions.Builder o = GenerationOptions.builder();
            if (p.temperature() != null) {
                o.temperature(p.temperature());
            }
            if (p.topP() != null) {
                o.topP(p.topP());
            }
            if (p.maxOutputTokens() != null) {
                o.maxTokens(p.maxOutputTokens());
            }
            if (p.stopSequences() != null && !p.stopSequences().isEmpty()) {
                o.stop(p.stopSequences());
            }
            if (p.frequencyPenalty() != null) {
                o.frequencyPenalty(p.frequencyPenalty());
            }
            if (p.presencePenalty() != null) {
                o.presencePenalty(p.presencePenalty());
            }
            b.options(o.build());
            b.replySchema(replySchema(p.responseFormat()));
        }
        return b.build();
    }

    private static String text(UserMessage u) {
        StringBuilder sb = new StringBuilder();
        for (Content c : u.contents()) {
            if (!(c instanceof TextContent t)) {
                throw new UnsupportedFeatureException("a RAQ client takes text only, not " + c.type());
            }
            sb.append(sb.length() == 0 ? "" : "\n").append(t.text());
        }
        return sb.toString();
    }

    /** The reply schema of a LangChain4j JSON response format, or null for text. */
    static @Nullable ReplySchema replySchema(@Nullable ResponseFormat format) {
        if (format == null || format.type() != ResponseFormatType.JSON) {
            return null;
        }
        JsonSchema schema = format.jsonSchema();
        if (schema == null || schema.rootElement() == null) {
            return new ReplySchema("json_object", "a JSON object", ANY_OBJECT_SCHEMA);
        }
        JsonSchemaElement root = schema.rootElement();
        String json;
        String description;
        if (root instanceof JsonRawSchema raw) {
            json = raw.schema();
            description = raw.description();
        } else if (root instanceof JsonObjectSchema object) {
            // ToolSpecification.toJson is LangChain4j's public way to write a schema element as JSON
            String tool = ToolSpecification.builder().name("schema").parameters(object).build().toJson();
            try {
                JsonNode parameters = JSON.readTree(tool).path("parameters");
                json = JSON.writeValueAsString(parameters);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("LangChain4j wrote a schema that is not JSON: " + tool, e);
            }
            description = object.description();
        } else {
            throw new UnsupportedFeatureException("a RAQ reply schema must be a JSON object schema, not "
                    + root.getClass().getSimpleName());
        }
        return new ReplySchema(schemaName(schema.name()), description == null ? "" : description, json);
    }

    /** A schema name RAQ accepts ({@code [A-Za-z0-9_-]{1,64}}): invalid characters become '_'. */
    static String schemaName(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return "reply";
        }
        String n = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    /** The LangChain4j reply for a RAQ completion; {@code configuredModel} names the model when the server did not. */
    static ChatResponse toChatResponse(Completion completion, @Nullable String configuredModel) {
        ChatResponse.Builder b = ChatResponse.builder().aiMessage(AiMessage.from(completion.text()))
                .modelName(completion.modelId().orElse(configuredModel));
        completion.usage().ifPresent(u -> b.tokenUsage(new dev.langchain4j.model.output.TokenUsage(
                Math.toIntExact(u.promptTokens()), Math.toIntExact(u.completionTokens()))));
        completion.finishReason().ifPresent(r -> b.finishReason(finishReason(r)));
        return b.build();
    }

    /** LangChain4j's finish reason for a provider's words (OpenAI's, Anthropic's, Bedrock's, Gemini's). */
    static FinishReason finishReason(String reason) {
        return switch (reason.toLowerCase(Locale.ROOT)) {
            case "stop", "end_turn", "stop_sequence", "eos" -> FinishReason.STOP;
            case "length", "max_tokens" -> FinishReason.LENGTH;
            case "tool_calls", "tool_use", "function_call" -> FinishReason.TOOL_EXECUTION;
            case "content_filter", "content_filtered", "safety", "guardrail_intervened" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
