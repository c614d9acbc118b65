package io.fuseline.schemas.message;

/** The chip revision as esptool prints it ({@code v0.2} is major 0, minor 2), read from the wafer-version eFuses. */
public record ChipRevision(int major, int minor) {
    @Override
    public String toString() { return "v" + major + "." + minor; }
}
