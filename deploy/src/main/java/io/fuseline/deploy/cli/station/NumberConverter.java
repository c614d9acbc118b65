package io.fuseline.deploy.cli.station;

import picocli.CommandLine;

/** Addresses and sizes as esptool takes them: {@code 0x10000}, {@code 65536}; a bad one is a usage error. */
final class NumberConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        try {
            long v = Long.decode(value.strip());
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number (e.g. 0x10000)");
        }
    }
}
