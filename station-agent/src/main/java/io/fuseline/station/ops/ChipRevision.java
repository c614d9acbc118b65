package io.fuseline.station.ops;

/** A chip's silicon revision as esptool prints it: {@code v3.0} = major 3, minor 0. */
public record ChipRevision(int major, int minor) {

    public ChipRevision {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("revision parts must not be negative: " + major + "." + minor);
        }
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor;
    }
}
