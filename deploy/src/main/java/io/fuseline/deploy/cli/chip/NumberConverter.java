package io.fuseline.deploy.cli.chip;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 0x1000}, {@code 4096} or {@code 0o10000} as esptool does for addresses and sizes. */
final class NumberConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        try {
            if (v.startsWith("0x")) {
                return Long.parseLong(v.substring(2), 16);
            }
            if (v.startsWith("0o")) {
                return Long.parseLong(v.substring(2), 8);
            }
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number (write 0x1000 or 4096)");
        }
    }
}
