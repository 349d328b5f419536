package dev.raq.cli;

import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The {@code raq} launcher. Exit codes, the same for every command: 0 success (every gate passed), 1 a gate failed,
 * 2 a usage or configuration error (the message names the file, line and key), 3 the run could not complete (the
 * partial report is written) or another failure. No arguments print the help and exit 2.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Command(name = "raq", mixinStandardHelpOptions = true, versionProvider = Raq.Version.class,
        description = "Relative Answer Quality: which model answers best on your data, with statistical evidence.",
        subcommands = {RunCommand.class, ReportCommand.class, PlanCommand.class, DiffCommand.class, GenerateCommand.class,
                LeaderboardCommand.class,
                PairwiseCommand.class, PerfCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 all gates passed, 1 a gate failed, 2 usage or configuration error,",
                "3 the run could not complete."})
public final class Raq implements Callable<Integer> {

    /** Every gate passed (or there were none). */
    public static final int OK = 0;
    /** A gate failed. */
    public static final int GATE_FAILED = 1;
    /** The command line or the evaluation file cannot be used. */
    public static final int USAGE = 2;
    /** The run could not complete, or failed unexpectedly. */
    public static final int INCOMPLETE = 3;

    @Spec
    CommandSpec spec;

    /** No command: the help, on standard error, and exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        int code = execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        System.exit(code);
    }

    /**
     * Runs one command line, printing results on {@code out} and messages on {@code err}.
     *
     * @return the exit code
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Raq());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("raq " + command.getCommandName() + ": " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
            command.getErr().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String command = commandLine.getCommandName();
            if (e instanceof ConfigException || e instanceof IllegalArgumentException
                    || e instanceof UncheckedIOException) {
                commandLine.getErr().println("raq " + command + ": " + e.getMessage());
                return USAGE;
            }
            commandLine.getErr().println("raq " + command + ": unexpected failure: " + e);
            return INCOMPLETE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Raq.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"raq " + p.getProperty("version", "(unknown version)"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
