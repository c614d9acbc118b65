package io.fuseline.esp.nvs;

/**
 * NVS input that cannot be used: {@link #problem()} says which row, value, offset or key is at fault.
 * Fatal: the same input gives the same answer.
 */
public final class NvsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient NvsProblem problem;

    public NvsException(NvsProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public NvsProblem problem() {
        return problem;
    }

    static NvsException input(NvsProblem.Reason reason, int line, String column, String detail) {
        return new NvsException(new NvsProblem.InputError(reason, line, line > 0 ? column : "", detail));
    }

    static NvsException corrupt(long offset, String detail) {
        return new NvsException(new NvsProblem.Corrupt(offset, detail));
    }
}
