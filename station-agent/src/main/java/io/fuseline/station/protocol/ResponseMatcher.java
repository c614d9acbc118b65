package io.fuseline.station.protocol;

import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the answer to one request out of the decoded frames that follow it, the way esptool does:
 * frames that are not responses (direction byte ≠ 1, inconsistent length) and responses to other ops are
 * skipped, up to {@link #maxSkipped()} of them; a ROM refusal (a response of nothing but a failure status
 * with "invalid message", under a different op) ends the exchange as unsupported; a response with the request's op is the answer, and a
 * failure status in it becomes a {@link CommandFailedException}.
 *
 * <p>One matcher serves one exchange. Not thread-safe.
 */
public final class ResponseMatcher {

    /** esptool's bound on frames read while waiting for one answer. */
    public static final int DEFAULT_MAX_SKIPPED = 100;

    private final Opcode op;
    private final StatusDialect dialect;
    private final int maxSkipped;
    private int skipped;

    public ResponseMatcher(Opcode op, StatusDialect dialect) {
        this(op, dialect, DEFAULT_MAX_SKIPPED);
    }

    /** @param maxSkipped frames that may be skipped before the exchange fails; at least 0 */
    public ResponseMatcher(Opcode op, StatusDialect dialect, int maxSkipped) {
        this.op = Objects.requireNonNull(op, "op");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        if (maxSkipped < 0) {
            throw new IllegalArgumentException("maxSkipped must not be negative, was " + maxSkipped);
        }
        this.maxSkipped = maxSkipped;
    }

    /**
     * Considers the next decoded frame.
     *
     * @return the successful answer, or empty if the frame was skipped and the caller should read on
     * @throws CommandFailedException       the answer carries a failure status
     * @throws UnsupportedCommandException  the ROM refused the command under another op
     * @throws UnexpectedResponseException the answer has no room for its status, or more than
     *                                      {@link #maxSkipped()} frames were skipped
     */
    public Optional<Response> offer(byte[] frame) throws LoaderProtocolException {
        Optional<Response> parsed = Response.parse(frame);
        if (parsed.isEmpty()) {
            return skip("frame is not a response");
        }
        Response r = parsed.get();
        if (r.op() != op.code()) {
            if (isRefusal(r, dialect)) {
                throw new UnsupportedCommandException(op, r.op());
            }
            return skip("response to " + Opcode.describe(r.op()));
        }
        if (!r.hasStatus(dialect)) {
            throw new UnexpectedResponseException(op, "response has " + r.data().length + " data bytes, fewer than"
                    + " the " + dialect.statusLength() + " status bytes of the " + dialect + " dialect");
        }
        ResponseStatus status = r.status(dialect);
        if (!status.success()) {
            throw new CommandFailedException(op, status.status(), status.error());
        }
        return Optional.of(r);
    }

    /**
     * Offers frames from {@code frames} until one answers.
     *
     * @throws UnexpectedResponseException also when the frames run out before an answer
     */
    public Response await(Iterator<byte[]> frames) throws LoaderProtocolException {
        while (frames.hasNext()) {
            Optional<Response> r = offer(frames.next());
            if (r.isPresent()) {
                return r.get();
            }
        }
        throw new UnexpectedResponseException(op, "no response among " + skipped + " frames");
    }

    /** Frames skipped so far. */
    public int skipped() { return skipped; }

    public int maxSkipped() { return maxSkipped; }

    public Opcode op() { return op; }

    public StatusDialect dialect() { return dialect; }

    // A refusal carries nothing but its status bytes. Requiring that (esptool only looks at the first two
    // data bytes) keeps a late answer to another command, whose payload happens to start 01 05, a skip.
    private static boolean isRefusal(Response r, StatusDialect dialect) {
        return r.data().length == dialect.statusLength() && r.status(dialect).invalidMessage();
    }

    private Optional<Response> skip(String why) throws UnexpectedResponseException {
        skipped++;
        if (skipped > maxSkipped) {
            throw new UnexpectedResponseException(op, "no response after skipping " + maxSkipped
                    + " frames (last: " + why + ")");
        }
        return Optional.empty();
    }
}
