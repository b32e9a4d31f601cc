package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Event;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * core/v1 Events. For compatibility Kubernetes applies only the legacy event rules here (no name
 * format checks); Skiff still insists on a name, since the store keys objects by it.
 */
final class EventValidator implements KindValidator<Event> {
    @Override
    public Class<Event> model() {
        return Event.class;
    }

    @Override
    public List<FieldError> validate(Event e) {
        List<FieldError> errs = new ArrayList<>();
        String name = e.getMetadata() == null ? "" : EventRules.nz(e.getMetadata().getName());
        String generateName = e.getMetadata() == null ? "" : EventRules.nz(e.getMetadata().getGenerateName());
        if (name.isEmpty() && generateName.isEmpty()) {
            errs.add(Errs.required(FieldPath.root("metadata").child("name"), "name or generateName is required"));
        }
        errs.addAll(EventRules.legacy(fields(e)));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(Event n, Event o) {
        return EventRules.legacy(fields(n));
    }

    static EventRules.Fields fields(Event e) {
        return new EventRules.Fields(e.getMetadata(), e.getInvolvedObject(), e.getReason(), e.getMessage(), e.getSource(),
                e.getFirstTimestamp(), e.getLastTimestamp(), e.getCount(), e.getType(), e.getEventTime(),
                e.getSeries() == null ? null : e.getSeries().getCount(),
                e.getSeries() == null ? null : e.getSeries().getLastObservedTime(), e.getSeries() != null,
                e.getAction(), e.getRelated(), e.getReportingComponent(), e.getReportingInstance());
    }
}
