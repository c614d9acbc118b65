package io.fuseline.station.sim;

import io.fuseline.station.ops.Esp32Target;
import io.fuseline.station.ops.LoaderTarget;
import io.fuseline.station.ops.SpiRegisters;
import java.util.HashMap;
import java.util.Map;

/**
 * The memory map a host can reach with READ_REG/WRITE_REG during one session: the chip-detect magic, the UART
 * divider (consistent with the session's baud, because espefuse derives the ESP32's crystal from it), revision and
 * calibration registers, the eFuse window (the chip's persistent controller) and the SPI user-command registers
 * that answer RDID. Every other address is plain memory that reads back what was written, 0 initially.
 */
final class SimRegisters {

    /** ESP32 RTC calibration value of the recorded chip: with CLK8M_FREQ 50 the ROM estimates exactly 40 MHz. */
    static final int ESP32_RTCCALICFG1 = 0x00040000;
    static final long XTAL_HZ = 40_000_000L;

    private final VirtualChip chip;
    private final LoaderTarget target;
    private final long efuseBase;
    private final int efuseWindow;
    private final Map<Integer, Integer> memory = new HashMap<>();
    private int clkdiv;

    SimRegisters(VirtualChip chip, int baud) {
        this.chip = chip;
        this.target = chip.target();
        this.efuseBase = target.efuse().baseAddress();
        this.efuseWindow = target.efuse().windowBytes();
        setBaud(baud);
    }

    /** The ROM reprograms its UART divider for the new rate. */
    void setBaud(int baud) {
        clkdiv = (int) Math.round(XTAL_HZ / (double) baud);
    }

    int read(int address) {
        long a = Integer.toUnsignedLong(address);
        if (a >= efuseBase && a < efuseBase + efuseWindow) {
            return chip.efuse().read((int) (a - efuseBase));
        }
        if (address == LoaderTarget.CHIP_MAGIC_REG) {
            return target.magicValues().get(0);
        }
        if (address == target.uartClkdivReg()) {
            return clkdiv;
        }
        if (target instanceof Esp32Target) {
            if (address == Esp32Target.APB_CTL_DATE) {
                return chip.config().revision().major() >= 3 ? 1 << 31 : 0;
            }
            if (address == Esp32Target.RTCCALICFG1) {
                return ESP32_RTCCALICFG1;
            }
        }
        return memory.getOrDefault(address, 0);
    }

    /** Applies {@code (reg & ~mask) | (value & mask)}; mask 0 is a pure delay and touches nothing. */
    void write(int address, int value, int mask) {
        if (mask == 0) {
            return;
        }
        int merged = (read(address) & ~mask) | (value & mask);
        long a = Integer.toUnsignedLong(address);
        if (a >= efuseBase && a < efuseBase + efuseWindow) {
            chip.efuse().write((int) (a - efuseBase), merged);
            return;
        }
        SpiRegisters spi = target.spi();
        if (address == spi.cmd() && (merged & SpiRegisters.CMD_USR) != 0) {
            runSpiCommand(spi);
            merged &= ~SpiRegisters.CMD_USR; // done at once: the bit reads back clear
        }
        memory.put(address, merged);
    }

    private void runSpiCommand(SpiRegisters spi) {
        int opcode = memory.getOrDefault(spi.usr2(), 0) & 0xFF;
        if (opcode == 0x9F) {
            memory.put(spi.w0(), chip.config().flashId());
        }
        // Other commands (status reads, SFDP, reset) leave W0 as the host set it: 0, "nothing special".
    }
}
