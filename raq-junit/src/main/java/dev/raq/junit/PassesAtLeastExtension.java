package dev.raq.junit;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** The extension behind {@link PassesAtLeast}: runs the method body the given number of times and counts passes. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PassesAtLeastExtension implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        PassesAtLeast settings = call.getExecutable().getAnnotation(PassesAtLeast.class);
        if (settings == null) {
            invocation.proceed();
            return;
        }
        if (settings.passes() < 1 || settings.runs() < settings.passes()) {
            invocation.skip();
            throw new ExtensionConfigurationException("@PassesAtLeast needs 1 <= passes <= runs, not passes = "
                    + settings.passes() + " of runs = " + settings.runs());
        }
        Method method = call.getExecutable();
        method.setAccessible(true);
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (int run = 1; run <= settings.runs(); run++) {
            try {
                method.invoke(call.getTarget().orElse(null), call.getArguments().toArray());
                passed++;
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof TestAbortedException) {
                    invocation.skip();
                    throw cause;
                }
                failures.add("run " + run + ": " + firstLine(cause));
            }
            if (passed >= settings.passes() || failures.size() > settings.runs() - settings.passes()) {
                break; // the verdict is settled
            }
        }
        invocation.skip();
        context.publishReportEntry("passes", passed + " of " + (passed + failures.size()) + " runs");
        if (passed < settings.passes()) {
            throw new AssertionError("passed " + passed + " of " + (passed + failures.size()) + " runs, but "
                    + settings.passes() + " of " + settings.runs() + " must pass:\n  "
                    + String.join("\n  ", failures));
        }
    }

    private static String firstLine(Throwable t) {
        String message = String.valueOf(t.getMessage()).strip();
        int end = message.indexOf('\n');
        return t.getClass().getSimpleName() + ": " + (end < 0 ? message : message.substring(0, end));
    }
}
