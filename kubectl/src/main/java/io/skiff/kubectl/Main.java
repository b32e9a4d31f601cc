package io.skiff.kubectl;

import io.skiff.kubectl.config.KubeconfigException;
import io.skiff.kubectl.discovery.UnknownResourceException;
import io.skiff.kubectl.http.ApiClient;
import io.skiff.kubectl.http.ApiException;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.Map;

/** Entry point: {@code kubectl <command> [flags]}; errors print as kubectl prints them, exit 1. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, java.nio.charset.StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, java.nio.charset.StandardCharsets.UTF_8);
        int code = run(args, out, err, System.in, System.getenv());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line; the integration test calls this in-process. */
    public static int run(String[] args, PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
        Session session = new Session(out, err, in, env);
        CommandLine cl = commandLine(session, Kubectl.needed(args));
        session.commandLine("kubectl " + commandName(args));
        try {
            return cl.execute(args);
        } finally {
            out.flush();
        }
    }

    static CommandLine commandLine(Session session, java.util.Collection<Class<?>> commands) {
        Factory factory = new Factory(session);
        CommandLine cl = new CommandLine(new Kubectl(session), factory);
        for (Class<?> c : commands) {
            cl.addSubcommand(new CommandLine(c, factory));
        }
        cl.setOut(new java.io.PrintWriter(session.out, true));
        cl.setErr(new java.io.PrintWriter(session.err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            String name = ex.getCommandLine().getCommandSpec().qualifiedName(" ");
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty() && u.getUnmatched().get(0).startsWith("-")) {
                // cobra's wording for flags it does not know
                session.err.println("Error: " + flagMessage(ex));
                session.err.println("See '" + name + " --help' for usage.");
                return 1;
            }
            if (ex instanceof CommandLine.MissingParameterException m && m.getMissing() != null && !m.getMissing().isEmpty()
                    && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec o) {
                String flag = args.length > 0 ? lastFlag(args, o) : o.longestName();
                session.err.println("Error: flag needs an argument: " + (flag.startsWith("--") ? flag : "'" + flag.substring(1) + "' in " + flag));
                session.err.println("See '" + name + " --help' for usage.");
                return 1;
            }
            session.err.println("error: " + flagMessage(ex));
            session.err.println("See '" + name + " -h' for help and examples");
            return 1;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> report(session, ex));
        return cl;
    }

    /** Which of the option's names the command line used. */
    private static String lastFlag(String[] args, CommandLine.Model.OptionSpec o) {
        for (int i = args.length - 1; i >= 0; i--) {
            for (String n : o.names()) {
                if (args[i].equals(n)) {
                    return n;
                }
            }
        }
        return o.longestName();
    }

    private static String flagMessage(CommandLine.ParameterException ex) {
        String m = ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            if (arg.startsWith("--")) {
                return "unknown flag: " + arg.replaceAll("=.*", "");
            }
            if (arg.startsWith("-")) {
                return "unknown shorthand flag: '" + arg.charAt(1) + "' in " + arg;
            }
        }
        return m;
    }

    static int report(Session session, Exception ex) {
        if (ex instanceof ApiException a) {
            session.err.println(a.display());
            return 1;
        }
        if (ex instanceof KubectlException k) {
            if (k.getMessage() != null && !k.getMessage().isEmpty()) {
                session.err.println(k.isRaw() || k.getMessage().startsWith("error:") || k.getMessage().startsWith("Error") ? k.getMessage() : "error: " + k.getMessage());
            }
            return k.exitCode();
        }
        if (ex instanceof ApiClient.ConnectionException || ex instanceof KubeconfigException) {
            session.err.println(ex.getMessage());
            return 1;
        }
        if (ex instanceof UnknownResourceException || ex instanceof IllegalArgumentException) {
            session.err.println("error: " + ex.getMessage());
            return 1;
        }
        if (ex instanceof UncheckedIOException u) {
            session.err.println("error: " + u.getCause().getMessage());
            return 1;
        }
        session.err.println("error: " + ex);
        if (session.global.verbosity > 0) {
            ex.printStackTrace(session.err);
        }
        return 1;
    }

    /** The command words for the Kubectl-Command header, e.g. "get" or "create deployment". */
    private static String commandName(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    /** Builds commands, handing the session to those that take one. */
    private record Factory(Session session) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(Session.class);
                return c.newInstance(session);
            } catch (NoSuchMethodException noSessionConstructor) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
