package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;

/** events.k8s.io/v1 Events: the legacy rules plus the strict ones of the newer API. */
final class EventsV1Validator implements KindValidator<Event> {
    @Override
    public Class<Event> model() {
        return Event.class;
    }

    @Override
    public List<FieldError> validate(Event e) {
        EventRules.Fields f = fields(e);
        List<FieldError> errs = new ArrayList<>(EventRules.legacy(f));
        errs.addAll(EventRules.strict(f));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(Event n, Event o) {
        List<FieldError> errs = new ArrayList<>(EventRules.legacy(fields(n)));
        errs.addAll(EventRules.strictUpdate(fields(n), fields(o)));
        return errs;
    }

    /** The events.k8s.io fields under the core names Kubernetes validates and reports. */
    private static EventRules.Fields fields(Event e) {
        return new EventRules.Fields(e.getMetadata(), e.getRegarding(), e.getReason(), e.getNote(), e.getDeprecatedSource(),
                e.getDeprecatedFirstTimestamp(), e.getDeprecatedLastTimestamp(), e.getDeprecatedCount(), e.getType(),
                e.getEventTime(), e.getSeries() == null ? null : e.getSeries().getCount(),
                e.getSeries() == null ? null : e.getSeries().getLastObservedTime(), e.getSeries() != null,
                e.getAction(), e.getRelated(), e.getReportingController(), e.getReportingInstance());
    }
}
