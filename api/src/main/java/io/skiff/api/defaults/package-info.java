/**
 * Kubernetes' defaulting of the served kinds: what the API server fills in before validating and
 * storing an object, so that stored objects look as Kubernetes would store them.
 * {@link io.skiff.api.defaults.Defaults} is the entry point.
 */
package io.skiff.api.defaults;
