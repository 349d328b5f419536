package dev.raq.commons;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

class PreconditionsTest {

    @Test
    void checkArgument_holds_throwsNothing() {
        assertThatCode(() -> Preconditions.checkArgument(true, "never")).doesNotThrowAnyException();
    }

    @Test
    void checkArgument_fails_throwsWithTheMessage() {
        assertThatThrownBy(() -> Preconditions.checkArgument(false, "n must be >= 1 but was 0"))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("n must be >= 1 but was 0");
    }

    @Test
    void checkPresent_returnsTheValueOrThrowsWithTheMessage() {
        assertThat(Preconditions.checkPresent("x", () -> "never")).isEqualTo("x");
        assertThatThrownBy(() -> Preconditions.checkPresent(null, () -> "no model 'm'"))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("no model 'm'");
    }

    @Test
    void checkArgument_withSupplier_buildsTheMessageOnlyWhenItFails() {
        AtomicInteger built = new AtomicInteger();
        Preconditions.checkArgument(true, () -> "built " + built.incrementAndGet());
        assertThat(built).hasValue(0);
        assertThatThrownBy(() -> Preconditions.checkArgument(false, () -> "built " + built.incrementAndGet()))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("built 1");
    }
}
