package io.fuseline.station.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-side reader for {@code esptool --trace} output: {@code command op=…} (what esptool meant to send),
 * {@code Write N bytes:} (the SLIP bytes it wrote), {@code Read N bytes:} (raw bytes from the chip) and
 * {@code Received full packet:} (the frames esptool decoded). Hex comes inline or as a dump of indented
 * {@code "hex hex | ascii"} lines. Other output lines are ignored; a TRACE item may start mid-line.
 */
final class TraceTranscript {

    enum Kind { COMMAND, WRITE, READ, PACKET }

    /** One trace item; {@code op} is set for COMMAND only, {@code bytes} is the command data or wire bytes. */
    record Event(Kind kind, int op, byte[] bytes) {
    }

    /** A command with the frame esptool wrote for it and the frames received before the next command. */
    record Exchange(int op, byte[] data, byte[] written, List<byte[]> frames) {
    }

    private static final Pattern TRACE = Pattern.compile(
            "TRACE \\+[0-9.]+ (?:command op=0x([0-9a-f]+) data len=(\\d+) .*?data=(.*)"
                    + "|Write (\\d+) bytes: ?(.*)|Read (\\d+) bytes: ?(.*)|Received full packet: ?(.*))$");

    private final List<Event> events;

    private TraceTranscript(List<Event> events) {
        this.events = events;
    }

    static TraceTranscript load(String resource) {
        try (InputStream in = TraceTranscript.class.getResourceAsStream("/vectors/protocol/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TraceTranscript parse(List<String> lines) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf("TRACE +");
            if (at < 0) {
                continue;
            }
            Matcher m = TRACE.matcher(line.substring(at));
            if (!m.matches()) {
                continue;
            }
            StringBuilder hex = new StringBuilder(firstNonNull(m.group(3), m.group(5), m.group(7), m.group(8)).trim());
            while (i + 1 < lines.size() && isDumpLine(lines.get(i + 1))) {
                String dump = lines.get(++i);
                hex.append(dump, 0, dump.indexOf(" | "));
            }
            byte[] bytes = HexFormat.of().parseHex(hex.toString().replace(" ", ""));
            if (m.group(1) != null) {
                check(bytes.length == Integer.parseInt(m.group(2)), line);
                events.add(new Event(Kind.COMMAND, Integer.parseInt(m.group(1), 16), bytes));
            } else if (m.group(4) != null) {
                check(bytes.length == Integer.parseInt(m.group(4)), line);
                events.add(new Event(Kind.WRITE, -1, bytes));
            } else if (m.group(6) != null) {
                check(bytes.length == Integer.parseInt(m.group(6)), line);
                events.add(new Event(Kind.READ, -1, bytes));
            } else {
                events.add(new Event(Kind.PACKET, -1, bytes));
            }
        }
        return new TraceTranscript(events);
    }

    List<Event> events() {
        return events;
    }

    /** Every raw byte the chip sent, in order. */
    byte[] bytesRead() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        events.stream().filter(e -> e.kind() == Kind.READ).forEach(e -> out.writeBytes(e.bytes()));
        return out.toByteArray();
    }

    /** Every frame esptool reported as received, in order. */
    List<byte[]> packets() {
        return events.stream().filter(e -> e.kind() == Kind.PACKET).map(Event::bytes).toList();
    }

    /** Commands paired with the write that follows each and the packets up to the next command. */
    List<Exchange> exchanges() {
        List<Exchange> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.kind() != Kind.COMMAND) {
                continue;
            }
            Event write = events.get(i + 1);
            check(write.kind() == Kind.WRITE,
                    "command op=0x" + Integer.toHexString(e.op()) + " not followed by a write");
            List<byte[]> frames = new ArrayList<>();
            for (int j = i + 2; j < events.size() && events.get(j).kind() != Kind.COMMAND; j++) {
                if (events.get(j).kind() == Kind.PACKET) {
                    frames.add(events.get(j).bytes());
                }
            }
            out.add(new Exchange(e.op(), e.bytes(), write.bytes(), frames));
        }
        return out;
    }

    private static boolean isDumpLine(String line) {
        return line.startsWith("    ") && line.contains(" | ") && !line.contains("TRACE +");
    }

    private static String firstNonNull(String... s) {
        for (String x : s) {
            if (x != null) {
                return x;
            }
        }
        return "";
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("unexpected trace content: " + what);
        }
    }
}
