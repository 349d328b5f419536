package dev.raq.junit;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records a test's model calls when its keys are present and replays them otherwise. A test method takes a
 * {@link ModelRecorder} parameter and gets its clients from it:
 * <pre>{@code
 * @RecordReplay(keyEnv = "OPENAI_API_KEY")
 * class JudgeQualityTest {
 *     @Test
 *     void newPromptBeatsOld(ModelRecorder models) {
 *         ModelClient judge = models.client("gpt-4o-mini",
 *                 () -> OpenAiCompatibleClient.openAi().model("gpt-4o-mini").build());
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The recording of a test method is {@code <directory>/<test class's simple name>/<method name>.jsonl}. With
 * every {@link #keyEnv()} variable set, the test calls the live models and records their answers, replacing the
 * method's previous recording; otherwise it replays them, and a missing recording fails with the command that
 * creates it. The system property {@code raq.recordings} ({@code record}, {@code replay} or {@code auto}, the
 * default) forces a mode, for example to replay in CI even where a key is set.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RecordReplayExtension.class)
public @interface RecordReplay {

    /** The environment variables that must all be set to record (the keys the live clients need). */
    String[] keyEnv();

    /** Where recordings are kept, relative to the working directory (the module's folder under Maven). */
    String directory() default "src/test/resources/raq-recordings";
}
