package io.fuseline.esp.image;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/**
 * Renders {@link ImageInfo} as {@code esptool image_info --version 1|2} (v4.12.0) prints it, line for
 * line, from "File size" on (the tool's own banner line is not part of the facts). Lines are joined with
 * '\n' and the text ends with '\n'.
 */
public final class ImageInfoText {
    private ImageInfoText() {
    }

    /** The {@code --version 2} report. */
    public static String v2(ImageInfo info) {
        List<String> out = preamble(info);
        ImageHeader h = info.header();
        String chip = info.chip().displayName().toUpperCase(java.util.Locale.ROOT);
        out.add("");
        title(out, chip + " image header");
        out.add("Image version: " + ImageInfo.IMAGE_VERSION);
        out.add(h.entryPoint() != 0 ? "Entry point: " + padLeft("0x" + hex(h.entryPoint()), 8) : "Entry point not set");
        out.add("Segments: " + info.segments().size());
        out.add(h.flashSize().map(s -> "Flash size: " + s.label())
                .orElse("WARNING: Invalid flash size (0x" + hex(h.flashSizeFreq() & 0xF0) + ")"));
        out.add(h.flashFrequency(info.chip()).map(f -> "Flash freq: " + f.label())
                .orElse("WARNING: Invalid flash frequency (0x" + hex(h.flashSizeFreq() & 0xF) + ")"));
        out.add(h.flashMode().map(m -> "Flash mode: " + m.name())
                .orElse("WARNING: Invalid flash mode (" + h.flashModeCode() + ")"));
        out.add("");
        title(out, chip + " extended image header");
        out.add("WP pin: 0x" + hex(h.wpPin()) + (h.wpPin() == ImageHeader.WP_PIN_DISABLED ? " (disabled)" : ""));
        StringJoiner drives = new StringJoiner(", ", "Flash pins drive settings: ", "");
        for (int i = 0; i < ImageHeader.DRIVE_PINS.length; i++) {
            drives.add(ImageHeader.DRIVE_PINS[i] + "_drv: 0x" + hex(h.drive(i)));
        }
        out.add(drives.toString());
        out.add("Chip ID: " + h.chipId() + " (" + info.chip().displayName() + ")");
        out.add("Minimal chip revision: " + revision("v", h.minRevFull()) + ", (legacy min_rev = " + h.minRevLegacy() + ")");
        out.add("Maximal chip revision: " + revision("v", h.maxRevFull()));
        out.add("");
        title(out, "Segments information");
        out.add("Segment   Length   Load addr   File offs  Memory types");
        out.add("-------  -------  ----------  ----------  ------------");
        for (ImageInfo.SegmentInfo s : info.segments()) {
            out.add(String.format("%7d  0x%05x  0x%08x  0x%08x  %s", s.index(), s.length(), s.loadAddress(),
                    s.fileOffset(), String.join(", ", s.memoryTypes())));
        }
        out.add("");
        title(out, chip + " image footer");
        out.add("Checksum: 0x" + hex(info.storedChecksum()) + " (" + checksumVerdict(info) + ")");
        info.digest().ifPresent(d -> out.add("Validation hash: " + digestLine(d)));
        info.app().ifPresent(a -> appSection(out, a));
        info.bootloader().ifPresent(b -> {
            out.add("");
            title(out, "Bootloader information");
            out.add("Bootloader version: " + b.version());
            out.add("ESP-IDF: " + b.idfVersion());
            out.add("Compile time: " + b.dateTime());
        });
        return String.join("\n", out) + "\n";
    }

    /** The {@code --version 1} report (esptool v4's default). */
    public static String v1(ImageInfo info) {
        List<String> out = preamble(info);
        ImageHeader h = info.header();
        out.add("Image version: " + ImageInfo.IMAGE_VERSION);
        out.add(h.entryPoint() != 0 ? "Entry point: " + padLeft(hex(h.entryPoint()), 8) : "Entry point not set");
        out.add(info.segments().size() + " segments");
        out.add("");
        for (ImageInfo.SegmentInfo s : info.segments()) {
            out.add(String.format("Segment %d: len 0x%05x load 0x%08x file_offs 0x%08x [%s]", s.index() + 1,
                    s.length(), s.loadAddress(), s.fileOffset(), String.join(",", s.memoryTypes())));
        }
        out.add(String.format("Checksum: %02x (%s)", info.storedChecksum(), checksumVerdict(info)));
        info.digest().ifPresent(d -> out.add("Validation Hash: " + digestLine(d)));
        return String.join("\n", out) + "\n";
    }

    private static List<String> preamble(ImageInfo info) {
        List<String> out = new ArrayList<>();
        out.add("File size: " + info.fileSize() + " (bytes)");
        out.add("Detected image type: " + info.chip().displayName().toUpperCase(java.util.Locale.ROOT));
        return out;
    }

    private static void appSection(List<String> out, AppDescriptor a) {
        out.add("");
        title(out, "Application information");
        out.add("Project name: " + a.projectName());
        out.add("App version: " + a.version());
        out.add("Compile time: " + a.date() + " " + a.time());
        out.add("ELF file SHA256: " + HexFormat.of().formatHex(a.appElfSha256()));
        out.add("ESP-IDF: " + a.idfVersion());
        out.add("Minimal eFuse block revision: " + revision("", a.minEfuseBlockRevFull()));
        out.add("Maximal eFuse block revision: " + revision("", a.maxEfuseBlockRevFull()));
        if (a.mmuPageSizeLog2() != 0) {
            // esptool prints 2^n // 1024 for any n (0 KB under 1 KB), hence BigInteger
            out.add("MMU page size: " + java.math.BigInteger.ONE.shiftLeft(a.mmuPageSizeLog2()).shiftRight(10) + " KB");
        }
        out.add("Secure version: " + a.secureVersion());
    }

    private static String checksumVerdict(ImageInfo info) {
        return info.checksumValid() ? "valid" : String.format("invalid - calculated %02x", info.computedChecksum());
    }

    // esptool prints the *computed* digest and says whether the stored one matches it.
    private static String digestLine(ImageDigest d) {
        return HexFormat.of().formatHex(d.computed()) + " (" + (d.valid() ? "valid" : "invalid") + ")";
    }

    private static String revision(String prefix, int full) {
        return prefix + full / 100 + "." + full % 100;
    }

    private static void title(List<String> out, String title) {
        out.add(title);
        out.add("=".repeat(title.length()));
    }

    private static String hex(long v) {
        return Long.toHexString(v);
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
