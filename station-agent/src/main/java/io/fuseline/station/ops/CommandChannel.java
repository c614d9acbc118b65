package io.fuseline.station.ops;

import io.fuseline.station.jig.Transport;
import io.fuseline.station.protocol.LoaderProtocolException;
import io.fuseline.station.protocol.Opcode;
import io.fuseline.station.protocol.Request;
import io.fuseline.station.protocol.Response;
import io.fuseline.station.protocol.ResponseMatcher;
import io.fuseline.station.protocol.SlipDecoder;
import io.fuseline.station.protocol.StatusDialect;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Request/response over one {@link Transport}: writes a SLIP frame, then reads and decodes until the
 * {@link ResponseMatcher} accepts an answer or the timeout passes. Garbage between frames and answers to other
 * commands are skipped without stalling; nothing here waits longer than the timeout it is given (plus one
 * transport read granule).
 *
 * <p>Not thread-safe: one loader session owns its channel.
 */
final class CommandChannel {

    private final Transport transport;
    private final LoaderSettings settings;
    private final SlipDecoder decoder;
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private final byte[] buffer = new byte[8192];

    CommandChannel(Transport transport, LoaderSettings settings) {
        this.transport = transport;
        this.settings = settings;
        this.decoder = new SlipDecoder(settings.maxFrameLength());
    }

    Transport transport() {
        return transport;
    }

    /**
     * Sends {@code request} and returns its successful answer.
     *
     * @throws LoaderTimeoutException no answer within {@code timeout}
     * @throws LoaderCommandException the chip answered with a failure status or an unusable answer
     * @throws LoaderIoException      the transport failed
     */
    Response execute(Request request, Duration timeout) throws LoaderException {
        send(request);
        return await(request.op(), timeout)
                .orElseThrow(() -> new LoaderTimeoutException(request.op(), timeout));
    }

    /** {@link #execute} with the command timeout. */
    Response execute(Request request) throws LoaderException {
        return execute(request, settings.commandTimeout());
    }

    void send(Request request) throws LoaderIoException {
        try {
            transport.write(request.toFrame());
        } catch (IOException e) {
            throw new LoaderIoException("sending " + request.op().describe(), e);
        }
    }

    /** Waits up to {@code timeout} for the next answer to {@code op}; empty on timeout. */
    Optional<Response> await(Opcode op, Duration timeout) throws LoaderException {
        ResponseMatcher matcher = new ResponseMatcher(op, StatusDialect.ROM, settings.maxSkippedFrames());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            while (!frames.isEmpty()) {
                try {
                    Optional<Response> r = matcher.offer(frames.poll());
                    if (r.isPresent()) {
                        return r;
                    }
                } catch (LoaderProtocolException e) {
                    throw new LoaderCommandException(e);
                }
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Optional.empty();
            }
            readOnce(Duration.ofNanos(remaining), op);
        }
    }

    /** Drops buffered input, decoded or not: before a SYNC and before repeating a timed-out command. */
    void flushInput() throws LoaderIoException {
        frames.clear();
        decoder.reset();
        try {
            transport.flushInput();
        } catch (IOException e) {
            throw new LoaderIoException("flushing input", e);
        }
    }

    private void readOnce(Duration timeout, Opcode op) throws LoaderIoException {
        try {
            int n = transport.read(buffer, 0, buffer.length, timeout);
            if (n > 0) {
                decoder.feed(buffer, 0, n, frames::add);
            }
        } catch (IOException e) {
            throw new LoaderIoException("waiting for the answer to " + op.describe(), e);
        }
    }
}
