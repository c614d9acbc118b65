package io.fuseline.esp.nvs;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Turns a CSV value (or a file's bytes) into a typed value the way the generator reads each encoding. */
final class NvsValues {
    /** Python's {@code int()}: optional sign, decimal digits, single underscores between digits. */
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+(_[0-9]+)*");
    private static final String VALUE = "value";

    private NvsValues() {
    }

    /** The value of a {@code data} row. */
    static NvsValue decode(NvsEncoding encoding, String text, int line) {
        if (encoding.intType() != null) {
            return integer(encoding.intType(), text, line);
        }
        return switch (encoding) {
            case STRING -> text(text, line);
            case BINARY -> new NvsValue.Blob(text.getBytes(StandardCharsets.UTF_8));
            case HEX2BIN -> hex(text, line);
            case BASE64 -> base64(text, line);
            default -> throw new IllegalStateException("unhandled encoding " + encoding);
        };
    }

    /** The value of a {@code file} row: {@code binary} takes the bytes as they are, the others read them as text. */
    static NvsValue decodeFile(NvsEncoding encoding, byte[] content, int line, String path) {
        if (encoding == NvsEncoding.BINARY) {
            return new NvsValue.Blob(content);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return decode(encoding, text, line);
        } catch (CharacterCodingException e) {
            throw NvsException.input(NvsProblem.Reason.INVALID_VALUE, line, VALUE,
                    "file '" + path + "' is not UTF-8 text, which encoding " + encoding.csvName() + " needs");
        }
    }

    private static NvsValue integer(NvsIntType type, String text, int line) {
        String t = text.strip();
        if (!INTEGER.matcher(t).matches()) {
            throw NvsException.input(NvsProblem.Reason.INVALID_VALUE, line, VALUE,
                    "'" + text + "' is not a decimal integer (" + type.csvName() + ")");
        }
        BigInteger n = new BigInteger(t.replace("_", ""));
        if (n.compareTo(type.min()) < 0 || n.compareTo(type.max()) > 0) {
            throw NvsException.input(NvsProblem.Reason.OUT_OF_RANGE, line, VALUE, "value " + n
                    + " is out of range for " + type.csvName() + " (" + type.min() + ".." + type.max() + ")");
        }
        return new NvsValue.Int(type, n.longValue()); // longValue() keeps the low 64 bits: U64 as unsigned bits
    }

    private static NvsValue text(String text, int line) {
        if (text.indexOf('\0') >= 0) {
            throw NvsException.input(NvsProblem.Reason.INVALID_VALUE, line, VALUE, "a string cannot contain NUL");
        }
        return new NvsValue.Text(text);
    }

    private static NvsValue hex(String text, int line) {
        String t = text.strip();
        if (t.length() % 2 != 0) {
            throw NvsException.input(NvsProblem.Reason.INVALID_VALUE, line, VALUE,
                    "hex2bin needs an even number of hex digits, got " + t.length());
        }
        try {
            return new NvsValue.Blob(HexFormat.of().parseHex(t));
        } catch (IllegalArgumentException e) {
            throw NvsException.input(NvsProblem.Reason.INVALID_VALUE, line, VALUE, "'" + t + "' is not hex");
        }
    }

    private static NvsValue base64(String text, int line) {
        try {
            // line breaks and blanks are ignored, as binascii.a2b_base64 ignores them
            return new NvsValue.Blob(Base64.getDecoder().decode(text.replaceAll("\\s", "")));
        } catch (IllegalArgumentException e) {
            throw NvsException.input(NvsProblem.Reason.INVALID_VALUE, line, VALUE,
                    "'" + text + "' is not base64: " + e.getMessage());
        }
    }
}
