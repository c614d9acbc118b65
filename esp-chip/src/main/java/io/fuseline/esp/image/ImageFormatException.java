package io.fuseline.esp.image;

/**
 * The bytes are not an ESP32-family image that can be read to the end: {@link #problem()} says what was
 * read and what was expected. Fatal: retrying with the same bytes gives the same answer.
 */
public final class ImageFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ImageProblem problem;

    public ImageFormatException(ImageProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public ImageProblem problem() {
        return problem;
    }
}
