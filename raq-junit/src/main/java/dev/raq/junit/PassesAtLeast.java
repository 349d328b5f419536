package dev.raq.junit;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test method up to {@link #runs()} times and passes when at least {@link #passes()} of the runs pass — for
 * a quality test of a candidate whose answers vary from call to call. Runs stop as soon as the verdict is settled
 * (enough passes, or too many failures), which saves model calls. The failure lists every failed run's reason.
 * Runs are sequential, in one test instance; a test that is aborted (an assumption fails) is aborted as a whole.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ExtendWith(PassesAtLeastExtension.class)
public @interface PassesAtLeast {

    /** How many runs must pass, at least 1. */
    int passes();

    /** How many runs there are, at least {@link #passes()}. */
    int runs();
}
