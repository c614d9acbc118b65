package io.fuseline.station.sim;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.station.ops.ChipRevision;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a virtual jig simulates. Immutable; the {@code with…} methods return changed copies.
 *
 * @param chip          chip family
 * @param mac           factory MAC burned into eFuse
 * @param revision      silicon revision encoded in eFuse (and, on the ESP32, APB_CTL_DATE)
 * @param flashSize     flash size in bytes (power of two, 256 KiB … 64 MiB)
 * @param flashVendorId JEDEC manufacturer and memory type, {@code mfr | type << 8} (e.g. 0x40EF Winbond)
 * @param flashFile     file that persists the flash across restarts
 * @param baudLimit     when present, bytes pass each way at most at {@code min(limit, session baud) / 10} per
 *                      second; absent = as fast as the transport goes
 * @param faults        injected faults
 * @param efuseFile     espefuse virtual eFuse file that persists the eFuses across restarts (loaded when it exists,
 *                      then MAC and revision come from it)
 */
public record JigConfig(ChipFamily chip, MacAddress mac, ChipRevision revision, int flashSize, int flashVendorId,
        Optional<Path> flashFile, OptionalInt baudLimit, List<Fault> faults, Optional<Path> efuseFile) {

    public static final int ROM_BAUD = 115200;

    public JigConfig {
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(revision, "revision");
        if (Integer.bitCount(flashSize) != 1 || flashSize < (1 << 18) || flashSize > (1 << 26)) {
            throw new IllegalArgumentException("flash size must be a power of two from 256 KiB to 64 MiB, was "
                    + flashSize);
        }
        baudLimit.ifPresent(b -> {
            if (b <= 0) {
                throw new IllegalArgumentException("baud limit must be positive, was " + b);
            }
        });
        faults = List.copyOf(faults);
        Objects.requireNonNull(efuseFile, "efuseFile");
    }

    /** Without an eFuse file. */
    public JigConfig(ChipFamily chip, MacAddress mac, ChipRevision revision, int flashSize, int flashVendorId,
                     Optional<Path> flashFile, OptionalInt baudLimit, List<Fault> faults) {
        this(chip, mac, revision, flashSize, flashVendorId, flashFile, baudLimit, faults, Optional.empty());
    }

    /**
     * The chips of the recorded esptool sessions: ESP32 v3.0 {@code 24:0a:c4:12:34:56}, ESP32-S3 v0.0
     * {@code 7c:df:a1:00:11:22}, ESP32-C3 v0.4 {@code 58:cf:79:00:11:22}; 4 MiB Winbond flash.
     */
    public static JigConfig defaults(ChipFamily chip) {
        return switch (chip) {
            case ESP32 -> new JigConfig(chip, MacAddress.parse("24:0a:c4:12:34:56"), new ChipRevision(3, 0),
                    4 << 20, 0x40EF, Optional.empty(), OptionalInt.empty(), List.of());
            case ESP32S3 -> new JigConfig(chip, MacAddress.parse("7c:df:a1:00:11:22"), new ChipRevision(0, 0),
                    4 << 20, 0x40EF, Optional.empty(), OptionalInt.empty(), List.of());
            case ESP32C3 -> new JigConfig(chip, MacAddress.parse("58:cf:79:00:11:22"), new ChipRevision(0, 4),
                    4 << 20, 0x40EF, Optional.empty(), OptionalInt.empty(), List.of());
        };
    }

    /** RDID answer: {@code mfr | type << 8 | log2(size) << 16}. */
    public int flashId() {
        return flashVendorId | Integer.numberOfTrailingZeros(flashSize) << 16;
    }

    public JigConfig withMac(MacAddress m) {
        return new JigConfig(chip, m, revision, flashSize, flashVendorId, flashFile, baudLimit, faults, efuseFile);
    }

    public JigConfig withFlashFile(Path p) {
        return new JigConfig(chip, mac, revision, flashSize, flashVendorId, Optional.of(p), baudLimit, faults, efuseFile);
    }

    public JigConfig withBaudLimit(int baud) {
        return new JigConfig(chip, mac, revision, flashSize, flashVendorId, flashFile, OptionalInt.of(baud), faults, efuseFile);
    }

    public JigConfig withFaults(List<Fault> f) {
        return new JigConfig(chip, mac, revision, flashSize, flashVendorId, flashFile, baudLimit, f, efuseFile);
    }

    public JigConfig withEfuseFile(Path p) {
        return new JigConfig(chip, mac, revision, flashSize, flashVendorId, flashFile, baudLimit, faults,
                Optional.of(p));
    }

    /** Flash size in bytes (a power of two from 256 KiB to 64 MiB). */
    public JigConfig withFlashSize(int bytes) {
        return new JigConfig(chip, mac, revision, bytes, flashVendorId, flashFile, baudLimit, faults, efuseFile);
    }
}
