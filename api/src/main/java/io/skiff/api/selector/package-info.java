/**
 * Label and field selectors, as the {@code labelSelector} and {@code fieldSelector} query
 * parameters, watch filters and controllers use them.
 * <p>
 * Contract: {@link io.skiff.api.selector.LabelSelector} and
 * {@link io.skiff.api.selector.FieldSelector} are immutable; parsing is the only step that
 * fails, always with a 400 BadRequest {@link io.skiff.api.errors.ApiException} worded as
 * Kubernetes words it, and matching never fails. {@code toString()} gives the canonical
 * form (requirements sorted by key). Which fields a resource can be selected by, and their
 * values for one object, is {@link io.skiff.api.selector.SelectableFields}.
 */
package io.skiff.api.selector;
