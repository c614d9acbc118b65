package io.fuseline.station.ops;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.MacAddress;
import io.fuseline.esp.efuse.EfuseChip;
import java.util.List;
import java.util.OptionalInt;

/**
 * What the loader client needs to know about one chip family: how it identifies itself, where its registers
 * are, how its eFuses hold MAC and revision. Constants only, one class per family (as esptool's targets).
 * The virtual jig encodes with the same facts that the client decodes with; the recorded esptool transcripts
 * check both against the real tool.
 *
 * <p>The register addresses and bit positions come from {@code esp-chip}'s {@code io.fuseline.esp.target}
 * (one constants class per family); this interface adds the behaviour a loader needs on top.
 */
public sealed interface LoaderTarget permits Esp32Target, Esp32S3Target, Esp32C3Target {

    /** ROM register read by the magic-value detection. */
    int CHIP_MAGIC_REG = io.fuseline.esp.target.Esp32Rom.CHIP_MAGIC_REG;

    ChipFamily family();

    /** eFuse layout from esp-chip. */
    default EfuseChip efuse() {
        return EfuseChip.of(family());
    }

    /** Values of {@link #CHIP_MAGIC_REG} that identify this family. */
    List<Integer> magicValues();

    /** Chip id in GET_SECURITY_INFO; empty where the ROM has no such command (ESP32). */
    OptionalInt securityInfoChipId();

    /** Whether the ROM's FLASH_BEGIN takes the fifth "encrypted" word. */
    boolean romFlashBeginHasEncryptWord();

    /** UART_DATE register, used by esptool as a harmless target for pure-delay WRITE_REG records. */
    int uartDateReg();

    /** UART0 clock divider register; XTAL = divider × baud on the ESP32. */
    int uartClkdivReg();

    SpiRegisters spi();

    /** Reads the factory MAC from the eFuse read registers. */
    MacAddress readMac(RegisterReader regs) throws LoaderException;

    /** Reads the silicon revision. */
    ChipRevision readRevision(RegisterReader regs) throws LoaderException;

    /** All supported targets. */
    static List<LoaderTarget> all() {
        return List.of(Esp32Target.INSTANCE, Esp32S3Target.INSTANCE, Esp32C3Target.INSTANCE);
    }

    static LoaderTarget of(ChipFamily family) {
        return all().stream().filter(t -> t.family() == family).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no loader target for " + family));
    }

    /** Big-endian bytes {@code hi16 ‖ lo32}: how the eFuse words of every family hold the six MAC bytes. */
    static MacAddress macOf(int hi16, int lo32) {
        return new MacAddress(new byte[] {(byte) (hi16 >>> 8), (byte) hi16, (byte) (lo32 >>> 24),
                (byte) (lo32 >>> 16), (byte) (lo32 >>> 8), (byte) lo32});
    }
}
