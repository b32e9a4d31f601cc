package io.skiff.apiserver.openapi;

import java.util.List;

/** The parameters Kubernetes' REST operations take, grouped by the operations that take them. */
final class Parameters {
    static final Parameter NAME = Parameter.path("name", "name of the object");
    static final Parameter NAMESPACE = Parameter.path("namespace", "object name and auth scope, such as for teams and projects");
    static final Parameter PROXY_PATH = Parameter.path("path", "path to the resource");

    static final Parameter PRETTY = Parameter.query("pretty", "string", "If 'true', the output is pretty printed.");
    static final Parameter DRY_RUN = Parameter.query("dryRun", "string",
            "When present, modifications are not persisted. The only valid value is All: run every stage but storage.");
    static final Parameter FIELD_MANAGER = Parameter.query("fieldManager", "string",
            "The name of the actor making the change, recorded in managedFields. Required for apply patches.");
    static final Parameter FIELD_VALIDATION = Parameter.query("fieldValidation", "string",
            "What to do with unknown or duplicate fields in the body: Ignore (drop them), Warn (drop them and "
                    + "answer with a warning per field) or Strict (fail the request).");
    static final Parameter FORCE = Parameter.query("force", "boolean",
            "Apply patches only: take over fields other managers own instead of failing with a conflict.");
    static final Parameter GRACE_PERIOD = Parameter.query("gracePeriodSeconds", "integer",
            "Seconds before the object is deleted; 0 deletes immediately. Defaults to the object's own grace period.");
    static final Parameter ORPHAN = Parameter.query("orphanDependents", "boolean",
            "Deprecated: use propagationPolicy. Whether dependents are orphaned rather than garbage collected.");
    static final Parameter PROPAGATION = Parameter.query("propagationPolicy", "string",
            "Whether and how dependents are garbage collected: Orphan, Background or Foreground.");
    static final Parameter WATCH_BOOKMARKS = Parameter.query("allowWatchBookmarks", "boolean",
            "Watch only: ask for BOOKMARK events carrying the latest resourceVersion.");
    static final Parameter CONTINUE = Parameter.query("continue", "string",
            "The continue token of the previous page of a paginated list.");
    static final Parameter FIELD_SELECTOR = Parameter.query("fieldSelector", "string",
            "Restricts the objects by their fields, e.g. metadata.name=web. Defaults to everything.");
    static final Parameter LABEL_SELECTOR = Parameter.query("labelSelector", "string",
            "Restricts the objects by their labels, e.g. app=web,tier!=db. Defaults to everything.");
    static final Parameter LIMIT = Parameter.query("limit", "integer",
            "The largest number of objects to return; more are available through the continue token.");
    static final Parameter RESOURCE_VERSION = Parameter.query("resourceVersion", "string",
            "For lists, the revision to read at (0: any); for watches, the revision after which to stream changes.");
    static final Parameter RESOURCE_VERSION_MATCH = Parameter.query("resourceVersionMatch", "string",
            "How resourceVersion applies to a list: Exact or NotOlderThan.");
    static final Parameter SEND_INITIAL_EVENTS = Parameter.query("sendInitialEvents", "boolean",
            "Watch only: begin with synthetic ADDED events for the current state.");
    static final Parameter TIMEOUT_SECONDS = Parameter.query("timeoutSeconds", "integer",
            "How long a list or watch call may last, in seconds.");
    static final Parameter WATCH = Parameter.query("watch", "boolean",
            "Stream added, modified and deleted events instead of returning a list.");

    static final Parameter CONTAINER = Parameter.query("container", "string",
            "The container to act on; may be omitted when the pod has one container.");
    static final Parameter FOLLOW = Parameter.query("follow", "boolean", "Keep streaming the log as it grows.");
    static final Parameter INSECURE_BACKEND = Parameter.query("insecureSkipTLSVerifyBackend", "boolean",
            "Do not verify the kubelet's serving certificate when fetching the log.");
    static final Parameter LIMIT_BYTES = Parameter.query("limitBytes", "integer", "Stop after this many bytes of log.");
    static final Parameter PREVIOUS = Parameter.query("previous", "boolean",
            "The log of the previous, terminated run of the container.");
    static final Parameter SINCE_SECONDS = Parameter.query("sinceSeconds", "integer",
            "Only lines newer than this many seconds.");
    static final Parameter TAIL_LINES = Parameter.query("tailLines", "integer", "Only this many lines from the end.");
    static final Parameter TIMESTAMPS = Parameter.query("timestamps", "boolean", "Prefix each line with its RFC 3339 time.");
    static final Parameter COMMAND = Parameter.query("command", "string",
            "The command to run, one parameter per argument.");
    static final Parameter STDIN = Parameter.query("stdin", "boolean", "Attach the caller's input stream.");
    static final Parameter STDOUT = Parameter.query("stdout", "boolean", "Stream the container's standard output.");
    static final Parameter STDERR = Parameter.query("stderr", "boolean", "Stream the container's standard error.");
    static final Parameter TTY = Parameter.query("tty", "boolean", "Allocate a terminal; standard error then joins standard output.");
    static final Parameter PORTS = Parameter.query("ports", "integer", "The pod ports to forward, one parameter per port.");
    static final Parameter PROXY_QUERY_PATH = Parameter.query("path", "string", "The path to request through the proxy.");

    static final List<Parameter> LIST = List.of(WATCH_BOOKMARKS, CONTINUE, FIELD_SELECTOR, LABEL_SELECTOR, LIMIT,
            RESOURCE_VERSION, RESOURCE_VERSION_MATCH, SEND_INITIAL_EVENTS, TIMEOUT_SECONDS, WATCH);
    static final List<Parameter> WRITE = List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION);
    /**
     * Deliberately without fieldValidation: kubectl runs its own schema validation (the one that rejects a
     * misspelt field even with --dry-run=client) only for kinds whose PATCH does not list fieldValidation.
     * The server still honours the parameter, which kubectl sends anyway.
     */
    static final List<Parameter> PATCH = List.of(DRY_RUN, FIELD_MANAGER, FORCE);
    static final List<Parameter> DELETE = List.of(DRY_RUN, GRACE_PERIOD, ORPHAN, PROPAGATION);
    static final List<Parameter> DELETE_COLLECTION = List.of(CONTINUE, DRY_RUN, FIELD_SELECTOR, GRACE_PERIOD,
            LABEL_SELECTOR, LIMIT, ORPHAN, PROPAGATION, RESOURCE_VERSION, RESOURCE_VERSION_MATCH,
            SEND_INITIAL_EVENTS, TIMEOUT_SECONDS);
    static final List<Parameter> LOG = List.of(CONTAINER, FOLLOW, INSECURE_BACKEND, LIMIT_BYTES, PREVIOUS,
            SINCE_SECONDS, TAIL_LINES, TIMESTAMPS);
    static final List<Parameter> EXEC = List.of(COMMAND, CONTAINER, STDERR, STDIN, STDOUT, TTY);
    static final List<Parameter> ATTACH = List.of(CONTAINER, STDERR, STDIN, STDOUT, TTY);
    static final List<Parameter> PORT_FORWARD = List.of(PORTS);
    static final List<Parameter> PROXY = List.of(PROXY_QUERY_PATH);

    private Parameters() {
    }
}
