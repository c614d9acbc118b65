package io.fuseline.station.ops;

import io.fuseline.station.jig.ResetStrategy;
import io.fuseline.station.jig.ResetStrategy.ResetOutcome;
import io.fuseline.station.protocol.Opcode;
import io.fuseline.station.protocol.Requests;
import io.fuseline.station.protocol.Response;
import java.util.List;
import java.util.Optional;

/**
 * Brings a chip from "somewhere" to "talking to its ROM loader": per connect attempt one reset strategy (cycled),
 * then up to {@link LoaderSettings#syncAttempts()} SYNC commands, each after flushing the input. The ROM answers
 * one SYNC eight times; the extra seven answers are drained so they cannot be mistaken for later answers.
 * Worst-case duration: connectAttempts × (reset waits + syncAttempts × syncTimeout).
 */
final class Connector {

    /** The ROM answers SYNC this many times. */
    static final int SYNC_ANSWERS = 8;

    private final CommandChannel channel;
    private final LoaderSettings settings;
    private final ResetStrategy.Pause pause;

    Connector(CommandChannel channel, LoaderSettings settings, ResetStrategy.Pause pause) {
        this.channel = channel;
        this.settings = settings;
        this.pause = pause;
    }

    /**
     * @throws SyncFailedException after every attempt failed, with the last error as cause
     * @throws LoaderIoException   the transport failed
     */
    ConnectResult connect(List<ResetStrategy> strategies) throws LoaderException, InterruptedException {
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("at least one reset strategy (NoReset for none)");
        }
        LoaderException last = null;
        ResetOutcome outcome = ResetOutcome.NOT_REQUESTED;
        for (int attempt = 1; attempt <= settings.connectAttempts(); attempt++) {
            outcome = strategies.get((attempt - 1) % strategies.size()).apply(channel.transport(), pause);
            for (int sync = 1; sync <= settings.syncAttempts(); sync++) {
                try {
                    Optional<Response> answer = syncOnce();
                    if (answer.isPresent()) {
                        return new ConnectResult(attempt, sync, outcome, answer.get().value());
                    }
                    last = new LoaderTimeoutException(Opcode.SYNC, settings.syncTimeout());
                } catch (LoaderCommandException e) {
                    // Noise or a half-booted chip answering garbage: the next SYNC may land.
                    last = e;
                }
            }
        }
        throw new SyncFailedException(channel.transport().name(), settings.connectAttempts(), describe(outcome),
                last);
    }

    private Optional<Response> syncOnce() throws LoaderException {
        channel.flushInput();
        channel.send(Requests.sync());
        Optional<Response> first = channel.await(Opcode.SYNC, settings.syncTimeout());
        if (first.isPresent()) {
            for (int i = 1; i < SYNC_ANSWERS; i++) {
                if (channel.await(Opcode.SYNC, settings.syncTimeout()).isEmpty()) {
                    break;
                }
            }
        }
        return first;
    }

    private static String describe(ResetOutcome outcome) {
        return switch (outcome) {
            case RESET -> "chip was reset into the loader";
            case NO_RESET_LINES -> "port has no reset lines: put the chip into download mode by hand";
            case NOT_REQUESTED -> "no reset requested";
        };
    }

    /**
     * @param attempt   the connect attempt that succeeded, from 1
     * @param syncs     SYNC commands sent in that attempt
     * @param reset     what the last reset achieved
     * @param syncValue the value field of the SYNC answer: non-zero from a ROM, 0 from an already running stub
     */
    record ConnectResult(int attempt, int syncs, ResetOutcome reset, int syncValue) {

        boolean stubRunning() {
            return syncValue == 0;
        }
    }
}
