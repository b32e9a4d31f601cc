/**
 * Kubernetes' validation of the served kinds, with Kubernetes 1.33's field paths and messages so
 * that kubectl users read the errors they know.
 *
 * <p>{@link io.skiff.api.validation.Validation} validates creates and updates (after
 * {@link io.skiff.api.defaults.Defaults}); {@link io.skiff.api.validation.UnknownFields} finds the
 * fields a client sent that the model does not know, for strict field validation. One validator
 * class per kind builds on shared ones for metadata, names, labels and pod specs.
 */
package io.skiff.api.validation;
