package io.skiff.launcher;

/**
 * Maps Kubernetes' {@code --v=N} onto SLF4J levels. Read before any logger exists, because
 * slf4j-simple fixes its levels when the first logger is made.
 */
final class LogLevels {
    private LogLevels() {
    }

    static void configure(String[] args) {
        int v = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--v=")) {
                v = Integer.parseInt(args[i].substring(4));
            } else if (args[i].equals("--v") && i + 1 < args.length) {
                v = Integer.parseInt(args[i + 1]);
            }
        }
        String level = v >= 6 ? "trace" : v >= 4 ? "debug" : "info";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "MMdd HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin", v >= 4 ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", v >= 6 ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.grpc", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.netty", "warn");
    }
}
