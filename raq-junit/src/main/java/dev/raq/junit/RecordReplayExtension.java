package dev.raq.junit;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The extension behind {@link RecordReplay}: resolves a {@link ModelRecorder} parameter for each test method,
 * recording or replaying as the annotation, the environment and the {@code raq.recordings} property decide.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecordReplayExtension implements ParameterResolver {

    /** The system property that forces a mode: {@code record}, {@code replay} or {@code auto}. */
    public static final String MODE_PROPERTY = "raq.recordings";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            RecordReplayExtension.class);

    private final Function<String, String> environment;

    /** Reads keys from the process environment. */
    public RecordReplayExtension() {
        this(System::getenv);
    }

    RecordReplayExtension(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ModelRecorder.class;
    }

    /**
     * One recorder per test method: the invocations of a parameterized or repeated test share it (and its file),
     * so recording them all replaces the file once and keeps every invocation's calls.
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext method = context.getParent().filter(p -> p.getTestMethod().isPresent()).orElse(context);
        return method.getStore(NAMESPACE).computeIfAbsent(ModelRecorder.class, k -> recorder(context),
                ModelRecorder.class);
    }

    private ModelRecorder recorder(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Class<?> type = context.getRequiredTestClass();
        RecordReplay settings = AnnotationSupport.findAnnotation(method, RecordReplay.class)
                .or(() -> AnnotationSupport.findAnnotation(type, RecordReplay.class))
                .orElseThrow(() -> new ExtensionConfigurationException("ModelRecorder needs @RecordReplay on "
                        + type.getName() + " or its method " + method.getName()));
        Path file = Path.of(settings.directory(), type.getSimpleName(), method.getName() + ".jsonl");
        List<String> keys = List.of(settings.keyEnv());
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            String value = environment.apply(key);
            if (value == null || value.isBlank()) {
                missing.add(key);
            }
        }
        String mode = System.getProperty(MODE_PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
        boolean record = switch (mode) {
            case "record" -> true;
            case "replay" -> false;
            case "auto" -> missing.isEmpty();
            default -> throw new ExtensionConfigurationException(MODE_PROPERTY + " must be record, replay or auto, "
                    + "not '" + mode + "'");
        };
        if (record && !missing.isEmpty()) {
            throw new ExtensionConfigurationException("recording " + type.getSimpleName() + "#" + method.getName()
                    + " needs the environment variables " + missing);
        }
        StringBuilder command = new StringBuilder();
        for (String key : keys) {
            command.append(key).append("=… ");
        }
        command.append("./mvnw test -Dtest='").append(type.getSimpleName()).append('#').append(method.getName())
                .append("' -D").append(MODE_PROPERTY).append("=record");
        return new ModelRecorder(file, record, command.toString());
    }
}
