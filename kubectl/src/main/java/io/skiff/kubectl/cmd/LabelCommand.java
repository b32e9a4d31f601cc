package io.skiff.kubectl.cmd;

import io.skiff.kubectl.Session;
import picocli.CommandLine.Command;

/** {@code kubectl label TYPE NAME key=value key-}. */
@Command(name = "label", description = "Update the labels on a resource.")
public final class LabelCommand extends MetadataCommand {
    public LabelCommand(Session s) {
        super(s);
    }

    @Override
    String field() {
        return "labels";
    }

    @Override
    String fieldManager() {
        return "kubectl-label";
    }

    @Override
    String doneVerb(boolean onlyRemovals) {
        return onlyRemovals ? "unlabeled" : "labeled";
    }

    @Override
    String unchangedVerb() {
        return "not labeled";
    }
}
