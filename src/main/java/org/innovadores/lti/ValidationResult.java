package org.innovadores.lti;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What each validation step of a launch found, in order. A failed launch is logged as one line:
 * the step that refused, the spec section it implements, why, and the steps that passed before it.
 */
public final class ValidationResult {

    /** One step: its name, the spec section it implements, whether it passed, and why not. */
    public record Step(String name, String spec, boolean passed, String detail) {
    }

    private final List<Step> steps = new ArrayList<>();
    private Launch launch;
    private String refusalKey;

    void passed(String name, String spec) {
        steps.add(new Step(name, spec, true, null));
    }

    /** Records the refusal and returns it, so a step can end with {@code throw result.refuse(...)}. */
    Refused refuse(String name, String spec, String messageKey, String detail) {
        steps.add(new Step(name, spec, false, detail));
        refusalKey = messageKey;
        return new Refused(this);
    }

    void accept(Launch launch) {
        this.launch = launch;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public boolean accepted() {
        return launch != null;
    }

    public Launch launch() {
        return launch;
    }

    /** The interface text key of the reason, for the page the person sees. */
    public String refusalKey() {
        return refusalKey;
    }

    public Step failedStep() {
        return steps.isEmpty() || steps.getLast().passed() ? null : steps.getLast();
    }

    public String logLine() {
        Step failed = failedStep();
        String passed = steps.stream().filter(Step::passed).map(Step::name).collect(Collectors.joining(","));
        if (failed == null) return "LTI launch accepted after " + passed;
        return "LTI launch refused at step '" + failed.name() + "' (" + failed.spec() + "): " + failed.detail()
                + "; passed: [" + passed + "]";
    }

    /** Thrown by a step to stop the chain; carries the result for the caller. */
    static final class Refused extends Exception {
        final ValidationResult result;

        Refused(ValidationResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
