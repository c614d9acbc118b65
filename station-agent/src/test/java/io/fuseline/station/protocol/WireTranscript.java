package io.fuseline.station.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Test-side reader for the simulated chip's log of real esptool sessions ({@code *_wire_transcript.txt}):
 * {@code -> hex   # NAME …} is a decoded packet esptool sent, {@code <- hex} one the chip answered,
 * {@code # ---- connection N} starts a new esptool run. Non-hex payloads ({@code (raw data …)},
 * {@code (md5)}, {@code (ack) …}) are the stub's READ_FLASH stream and are kept as opaque lines.
 */
public final class WireTranscript {

    /** A command packet esptool sent and the decoded answers up to the next command. */
    public record Exchange(int connection, byte[] packet, List<byte[]> answers, int line) {

        public int op() {
            return packet[1] & 0xFF;
        }
    }

    private final List<Exchange> exchanges;

    private WireTranscript(List<Exchange> exchanges) {
        this.exchanges = exchanges;
    }

    public static WireTranscript load(String resource) {
        try (InputStream in = WireTranscript.class.getResourceAsStream("/vectors/protocol/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WireTranscript parse(List<String> lines) {
        List<Exchange> out = new ArrayList<>();
        int connection = -1;
        byte[] packet = null;
        List<byte[]> answers = new ArrayList<>();
        int packetLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("# ---- connection ")) {
                connection = Integer.parseInt(line.substring("# ---- connection ".length()).trim());
            } else if (line.startsWith("-> ") && !line.startsWith("-> (")) {
                if (packet != null) {
                    out.add(new Exchange(connection, packet, answers, packetLine));
                }
                packet = hex(line.substring(3));
                answers = new ArrayList<>();
                packetLine = i + 1;
            } else if (line.startsWith("<- ") && !line.startsWith("<- (")) {
                answers.add(hex(line.substring(3)));
            }
        }
        if (packet != null) {
            out.add(new Exchange(connection, packet, answers, packetLine));
        }
        return new WireTranscript(out);
    }

    public List<Exchange> exchanges() {
        return exchanges;
    }

    private static byte[] hex(String rest) {
        String token = rest.strip().split("\\s+", 2)[0];
        return HexFormat.of().parseHex(token);
    }
}
