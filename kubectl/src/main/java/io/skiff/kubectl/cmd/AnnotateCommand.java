package io.skiff.kubectl.cmd;

import io.skiff.kubectl.Session;
import picocli.CommandLine.Command;

/** {@code kubectl annotate TYPE NAME key=value key-}. */
@Command(name = "annotate", description = "Update the annotations on a resource.")
public final class AnnotateCommand extends MetadataCommand {
    public AnnotateCommand(Session s) {
        super(s);
    }

    @Override
    String field() {
        return "annotations";
    }

    @Override
    String fieldManager() {
        return "kubectl-annotate";
    }

    @Override
    String doneVerb(boolean onlyRemovals) {
        return "annotated";
    }

    @Override
    String unchangedVerb() {
        return "annotated";
    }
}
