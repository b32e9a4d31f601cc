package io.skiff.kubectl.cmd;

import io.skiff.kubectl.Session;

import java.util.concurrent.Callable;

/** A command run within one {@link Session}; {@link #call()} answers the exit code. */
public abstract class SessionCommand implements Callable<Integer> {
    protected final Session s;

    protected SessionCommand(Session s) {
        this.s = s;
    }
}
