package io.skiff.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.KubectlException;

import java.util.List;

/** The {@code -o} formats that print objects rather than server-side tables. */
public final class Output {
    private final String format;
    private final String argument;

    private Output(String format, String argument) {
        this.format = format;
        this.argument = argument;
    }

    /** null or "" or "wide" are table formats, not this class's. */
    public static boolean isTable(String o) {
        return o == null || o.isEmpty() || o.equals("wide");
    }

    public static Output of(String o) {
        int eq = o.indexOf('=');
        String f = eq < 0 ? o : o.substring(0, eq);
        String arg = eq < 0 ? null : o.substring(eq + 1);
        switch (f) {
            case "json", "yaml", "name" -> {
                return new Output(f, null);
            }
            case "jsonpath", "go-template", "custom-columns", "template" -> {
                if (arg == null || arg.isEmpty()) {
                    throw new KubectlException(f + " template format specified but no template given");
                }
                return new Output(f.equals("template") ? "go-template" : f, arg);
            }
            case "jsonpath-file", "go-template-file", "custom-columns-file" -> {
                try {
                    return new Output(f.substring(0, f.length() - 5), java.nio.file.Files.readString(java.nio.file.Path.of(arg)).trim());
                } catch (java.io.IOException e) {
                    throw new KubectlException("error reading " + arg + ": " + e.getMessage());
                }
            }
            default -> throw new KubectlException("unable to match a printer suitable for the output format \"" + o
                    + "\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml");
        }
    }

    public String format() {
        return format;
    }

    /** Prints one object or a List; {@code prefixes} gives each item's "kind.group" for -o name. */
    public String print(JsonNode obj, List<String> namePrefixes, boolean noHeaders) {
        return switch (format) {
            case "json" -> GoJson.indent(obj) + "\n";
            case "yaml" -> GoYaml.write(obj);
            case "name" -> names(obj, namePrefixes);
            case "jsonpath" -> JsonPath.parse(argument).execute(obj);
            case "go-template" -> GoTemplate.parse(argument).execute(obj);
            default -> CustomColumns.parse(argument).print(obj, noHeaders);
        };
    }

    private static String names(JsonNode obj, List<String> prefixes) {
        StringBuilder sb = new StringBuilder();
        if (obj.has("items") && obj.path("kind").asText().equals("List")) {
            int i = 0;
            for (JsonNode item : obj.get("items")) {
                sb.append(prefixes.get(i++)).append('/').append(item.path("metadata").path("name").asText()).append('\n');
            }
        } else {
            sb.append(prefixes.get(0)).append('/').append(obj.path("metadata").path("name").asText()).append('\n');
        }
        return sb.toString();
    }
}
