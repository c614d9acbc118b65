package io.fuseline.esp.partition;

/**
 * A partition table (binary or CSV) cannot be read: {@link #problem()} says what was read and what was
 * expected. Fatal: the same input gives the same answer.
 */
public final class PartitionTableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient PartitionProblem problem;

    public PartitionTableException(PartitionProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public PartitionProblem problem() {
        return problem;
    }
}
