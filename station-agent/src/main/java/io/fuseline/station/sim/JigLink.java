package io.fuseline.station.sim;

import io.fuseline.station.jig.Transport;
import io.fuseline.station.jig.TransportClosedException;
import io.fuseline.station.protocol.Opcode;
import io.fuseline.station.protocol.Slip;
import io.fuseline.station.protocol.SlipDecoder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Serves one connection of a {@link VirtualChip} over a {@link Transport} (an accepted TCP socket, the far end of
 * a pty): a fresh {@link RomSession}, SLIP in and out, the byte-level faults, and, with a baud limit, one token
 * bucket per direction so each direction of the line carries at most {@code baud / 10} bytes per second, like a
 * full-duplex UART.
 *
 * <p>{@link #serve} blocks the calling thread until the peer goes away, the session asks to disconnect, or the
 * thread is interrupted.
 */
public final class JigLink {

    private static final System.Logger LOG = System.getLogger(JigLink.class.getName());
    private static final Duration POLL = Duration.ofMillis(100);

    private final VirtualChip chip;

    public JigLink(VirtualChip chip) {
        this.chip = chip;
    }

    /** Serves until the connection ends; closes the transport before returning. */
    public void serve(Transport transport) {
        RomSession session = chip.newSession();
        SlipDecoder decoder = new SlipDecoder();
        OptionalInt limit = chip.config().baudLimit();
        Optional<ByteRateLimiter> rx = limit.isPresent() ? Optional.of(limiter(limit)) : Optional.empty();
        Optional<ByteRateLimiter> tx = limit.isPresent() ? Optional.of(limiter(limit)) : Optional.empty();
        byte[] buf = new byte[4096];
        List<byte[]> frames = new ArrayList<>();
        try (transport) {
            while (!Thread.currentThread().isInterrupted()) {
                int n = transport.read(buf, 0, buf.length, POLL);
                if (n == 0) {
                    continue;
                }
                if (rx.isPresent()) {
                    rx.get().acquire(n);
                }
                decoder.feed(buf, 0, n, frames::add);
                for (byte[] frame : frames) {
                    RomSession.Reply reply = session.handle(frame);
                    if (reply.disconnect()) {
                        LOG.log(System.Logger.Level.DEBUG, "fault: disconnecting " + transport.name());
                        return;
                    }
                    send(transport, reply, tx);
                    if (reply.newBaud().isPresent()) {
                        int baud = reply.newBaud().getAsInt();
                        transport.setBaudRate(baud);
                        rx.ifPresent(r -> r.setBaud(Math.min(limit.getAsInt(), baud)));
                        tx.ifPresent(t -> t.setBaud(Math.min(limit.getAsInt(), baud)));
                    }
                }
                frames.clear();
            }
        } catch (TransportClosedException e) {
            LOG.log(System.Logger.Level.DEBUG, "connection ended: " + e.getMessage());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "virtual jig connection failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Transport transport, RomSession.Reply reply, Optional<ByteRateLimiter> tx)
            throws IOException, InterruptedException {
        if (reply.packets().isEmpty()) {
            return;
        }
        int op = reply.packets().get(0)[1] & 0xFF;
        OptionalInt drop = Opcode.fromCode(op).map(o -> chip.faults().dropBytes(o, chip.faults().countResponse(o)))
                .orElse(OptionalInt.empty());
        boolean first = true;
        for (byte[] packet : reply.packets()) {
            byte[] frame = Slip.encode(packet);
            if (first && drop.isPresent()) {
                frame = Arrays.copyOf(frame, Math.max(0, frame.length - drop.getAsInt()));
            }
            first = false;
            if (tx.isPresent()) {
                tx.get().acquire(frame.length);
            }
            transport.write(frame);
        }
    }

    private static ByteRateLimiter limiter(OptionalInt limit) {
        return new ByteRateLimiter(Math.min(limit.getAsInt(), JigConfig.ROM_BAUD), ByteRateLimiter.Clock.SYSTEM);
    }
}
