package io.skiff.apiserver.auth;

/** Decides whether a request may go ahead. Implementations read caches; they never block on I/O. */
public interface Authorizer {
    boolean allows(RequestAttributes request);

    /** What an unsecured (loopback, plain HTTP) server uses. */
    Authorizer ALWAYS = request -> true;
}
