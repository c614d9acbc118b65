package io.fuseline.deploy.cli.jig;

import java.util.Locale;
import picocli.CommandLine;

/** Sizes as {@code 4MB}, {@code 512KB}, {@code 0x400000} or plain bytes; KB and MB are powers of 1024. */
public final class ByteSizeConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        try {
            if (v.endsWith("MB") || v.endsWith("M")) {
                return Math.multiplyExact(Integer.parseInt(v.replaceAll("MB?$", "")), 1 << 20);
            }
            if (v.endsWith("KB") || v.endsWith("K")) {
                return Math.multiplyExact(Integer.parseInt(v.replaceAll("KB?$", "")), 1 << 10);
            }
            return Integer.decode(value.strip());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size (e.g. 4MB, 512KB, 0x1000)");
        }
    }
}
