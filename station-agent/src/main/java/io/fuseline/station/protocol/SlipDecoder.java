package io.fuseline.station.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * Incremental SLIP decoder for bytes as they come off a serial line, in chunks of any size.
 *
 * <ul>
 *   <li>Bytes outside a {@code C0 … C0} frame (a ROM boot banner, line noise) are skipped and counted in
 *       {@link #garbageBytes()}; they never stall the decoder.</li>
 *   <li>An escape {@code DB} followed by anything but {@code DC}/{@code DD} makes that frame a framing
 *       error: it is dropped, reported to {@link FrameSink#onDiscard} and counted; decoding resumes at the
 *       next {@code C0}.</li>
 *   <li>A frame longer than {@link #maxFrameLength()} is dropped the same way, so a line of noise between
 *       two {@code C0}s cannot grow memory beyond that bound.</li>
 *   <li>Empty frames ({@code C0 C0}) are not reported: back-to-back delimiters are how a frame's end meets
 *       the next frame's start.</li>
 * </ul>
 *
 * <p>The only allocation is one array per delivered frame (plus buffer growth, by doubling, up to the
 * bound). <strong>Not thread-safe</strong>: one decoder belongs to one reader thread.
 */
public final class SlipDecoder {

    /** Room for a 64 KiB payload plus headers and stub status bytes. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 64 * 1024 + 1024;

    private static final int INITIAL_CAPACITY = 256;

    /** Receives decoded frames; called on the thread that calls {@link #feed}. */
    @FunctionalInterface
    public interface FrameSink {
        /** A complete, unescaped frame without its delimiters. The array belongs to the receiver. */
        void onFrame(byte[] frame);

        /** A frame was dropped; {@code length} is how many payload bytes it had collected. */
        default void onDiscard(Discard reason, int length) {
        }
    }

    /** Why a frame was dropped. */
    public enum Discard {
        /** {@code DB} followed by a byte other than {@code DC} or {@code DD}. */
        BAD_ESCAPE,
        /** The frame grew past {@link #maxFrameLength()}. */
        OVERSIZE
    }

    private enum State { HUNT, FRAME, ESCAPE, SKIP }

    private final int maxFrameLength;
    private byte[] buffer;
    private int length;
    private State state = State.HUNT;
    private long frames;
    private long garbageBytes;
    private long badEscapes;
    private long oversizeFrames;

    /** A decoder with {@link #DEFAULT_MAX_FRAME_LENGTH}. */
    public SlipDecoder() {
        this(DEFAULT_MAX_FRAME_LENGTH);
    }

    /** @param maxFrameLength largest unescaped frame, in bytes, that is delivered; at least 1 */
    public SlipDecoder(int maxFrameLength) {
        if (maxFrameLength < 1) {
            throw new IllegalArgumentException("maxFrameLength must be at least 1, was " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
        this.buffer = new byte[Math.min(INITIAL_CAPACITY, maxFrameLength)];
    }

    /** Decodes {@code chunk[offset..offset+len)}, delivering every frame it completes to {@code sink}. */
    public void feed(byte[] chunk, int offset, int len, FrameSink sink) {
        Objects.checkFromIndexSize(offset, len, chunk.length);
        Objects.requireNonNull(sink, "sink");
        for (int i = offset; i < offset + len; i++) {
            accept(chunk[i] & 0xFF, sink);
        }
    }

    /** Decodes the whole {@code chunk}. */
    public void feed(byte[] chunk, FrameSink sink) {
        feed(chunk, 0, chunk.length, sink);
    }

    private void accept(int b, FrameSink sink) {
        switch (state) {
            case HUNT -> {
                if (b == Slip.END) {
                    startFrame();
                } else {
                    garbageBytes++;
                }
            }
            case FRAME -> {
                if (b == Slip.END) {
                    if (length > 0) {
                        frames++;
                        sink.onFrame(Arrays.copyOf(buffer, length));
                        state = State.HUNT;
                    }
                    // An empty frame: this C0 is the start of the next one, stay in FRAME.
                } else if (b == Slip.ESC) {
                    state = State.ESCAPE;
                } else {
                    append(b, sink);
                }
            }
            case ESCAPE -> {
                if (b == Slip.ESC_END) {
                    append(Slip.END, sink);
                } else if (b == Slip.ESC_ESC) {
                    append(Slip.ESC, sink);
                } else {
                    badEscapes++;
                    discard(Discard.BAD_ESCAPE, sink);
                    if (b == Slip.END) {
                        // The delimiter that broke the escape may start the next frame.
                        startFrame();
                    }
                }
            }
            case SKIP -> {
                if (b == Slip.END) {
                    // Resynchronise: treat it as a start; if it was the bad frame's end, the next frame's
                    // own C0 just makes this an empty frame, which is ignored.
                    startFrame();
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void startFrame() {
        length = 0;
        state = State.FRAME;
    }

    private void append(int b, FrameSink sink) {
        if (length == maxFrameLength) {
            oversizeFrames++;
            discard(Discard.OVERSIZE, sink);
            return;
        }
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxFrameLength));
        }
        buffer[length++] = (byte) b;
        state = State.FRAME;
    }

    private void discard(Discard reason, FrameSink sink) {
        int dropped = length;
        length = 0;
        state = State.SKIP;
        sink.onDiscard(reason, dropped);
    }

    /** Forgets a partly received frame, e.g. after the port was flushed; counters are kept. */
    public void reset() {
        length = 0;
        state = State.HUNT;
    }

    /** Whether bytes of an unfinished frame are buffered. */
    public boolean inFrame() {
        return state != State.HUNT;
    }

    public int maxFrameLength() { return maxFrameLength; }

    /** Frames delivered so far. */
    public long frames() { return frames; }

    /** Bytes seen outside any frame (not counting bytes of dropped frames). */
    public long garbageBytes() { return garbageBytes; }

    /** Frames dropped because of a bad escape sequence. */
    public long badEscapes() { return badEscapes; }

    /** Frames dropped because they exceeded {@link #maxFrameLength()}. */
    public long oversizeFrames() { return oversizeFrames; }

    /** Current buffer size; never above {@link #maxFrameLength()}. Exposed for tests and metrics. */
    int bufferCapacity() { return buffer.length; }
}
