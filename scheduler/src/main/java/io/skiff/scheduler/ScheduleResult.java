package io.skiff.scheduler;

/** The outcome of one scheduling cycle's search: a node, or why none (a FitError or an Error status). */
record ScheduleResult(String nodeName, int evaluatedNodes, int feasibleNodes, FitError fitError, String error) {
    static ScheduleResult placed(String node, int evaluated, int feasible) {
        return new ScheduleResult(node, evaluated, feasible, null, null);
    }

    static ScheduleResult unschedulable(FitError e) {
        return new ScheduleResult(null, 0, 0, e, null);
    }

    static ScheduleResult error(String message) {
        return new ScheduleResult(null, 0, 0, null, message);
    }

    boolean isPlaced() {
        return nodeName != null;
    }
}
