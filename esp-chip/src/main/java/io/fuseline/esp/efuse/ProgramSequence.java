package io.fuseline.esp.efuse;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands a {@link BurnPlan} into the register operations espefuse performs for it over the ROM loader (NOTES
 * §d.5): per block, controller timing, the data (and parity) words, the program command, then a read command
 * that refreshes the read registers. Executing the result burns eFuses irreversibly. espefuse's re-reads,
 * error-register checks and up-to-3 retries are the caller's (the station's) business, as is ESP32-S3/C3's
 * extra 1 ms delay after the read command.
 */
public final class ProgramSequence {
    private ProgramSequence() {
    }

    /** The irreversible burn sequence with a 40 MHz crystal (what every ESP32-S3/C3 needs for espefuse). */
    public static List<RegisterOp> of(BurnPlan plan) {
        return of(plan, 40);
    }

    /** The irreversible burn sequence; {@code crystalMhz} picks the ESP32 programming clock (26, 40, 80). */
    public static List<RegisterOp> of(BurnPlan plan, int crystalMhz) {
        List<RegisterOp> ops = new ArrayList<>();
        EfuseChip chip = plan.chip();
        if (!(chip instanceof Esp32Efuse) && crystalMhz != 40) {
            throw new IllegalArgumentException("espefuse programs " + chip.family().displayName()
                    + " eFuses only with a 40 MHz crystal, not " + crystalMhz);
        }
        for (BlockProgram p : plan.programs()) {
            if (chip instanceof Esp32Efuse) {
                esp32(ops, p, Esp32Efuse.ClockSettings.forCrystalMhz(crystalMhz));
            } else {
                rsChip(ops, chip, p);
            }
        }
        return List.copyOf(ops);
    }

    private static void esp32(List<RegisterOp> ops, BlockProgram p, Esp32Efuse.ClockSettings clock) {
        EfuseChip chip = Esp32Efuse.INSTANCE;
        p.writes().forEach(w -> ops.add(new RegisterOp.Write(w.address(), w.value())));
        ops.add(new RegisterOp.Update(chip.address(Esp32Efuse.DAC_CONF), 0xFF, clock.dacClkDiv()));
        ops.add(new RegisterOp.Update(chip.address(Esp32Efuse.CLK), 0x00FF, clock.sel0()));
        ops.add(new RegisterOp.Update(chip.address(Esp32Efuse.CLK), 0xFF00, clock.sel1()));
        ops.add(new RegisterOp.Write(chip.address(Esp32Efuse.CONF), Esp32Efuse.CONF_WRITE));
        ops.add(new RegisterOp.Write(chip.address(Esp32Efuse.CMD), Esp32Efuse.CMD_PROGRAM));
        ops.add(new RegisterOp.AwaitIdle(chip.address(Esp32Efuse.CMD), 0xFFFFFFFF));
        ops.add(new RegisterOp.Write(chip.address(Esp32Efuse.CONF), Esp32Efuse.CONF_READ));
        ops.add(new RegisterOp.Write(chip.address(Esp32Efuse.CMD), Esp32Efuse.CMD_READ));
        ops.add(new RegisterOp.AwaitIdle(chip.address(Esp32Efuse.CMD), 0xFFFFFFFF));
    }

    private static void rsChip(List<RegisterOp> ops, EfuseChip chip, BlockProgram p) {
        int timConf1 = chip instanceof Esp32S3Efuse ? Esp32S3Efuse.WR_TIM_CONF1 : Esp32C3Efuse.WR_TIM_CONF1;
        int timConf2 = chip instanceof Esp32S3Efuse ? Esp32S3Efuse.WR_TIM_CONF2 : Esp32C3Efuse.WR_TIM_CONF2;
        long cmd = chip.address(RsEfuseLayout.CMD);
        ops.add(new RegisterOp.Update(chip.address(RsEfuseLayout.DAC_CONF), 0x1FE00, 0xFF));
        ops.add(new RegisterOp.Update(chip.address(RsEfuseLayout.DAC_CONF), 0xFF, 0x28));
        ops.add(new RegisterOp.Update(chip.address(timConf1), 0xFFFF00, 0x3000));
        ops.add(new RegisterOp.Update(chip.address(timConf2), 0xFFFF, 0x190));
        clearProgramData(ops, chip);
        ops.add(new RegisterOp.AwaitIdle(cmd, 0x3));
        p.writes().forEach(w -> ops.add(new RegisterOp.Write(w.address(), w.value())));
        ops.add(new RegisterOp.AwaitIdle(cmd, 0x3));
        ops.add(new RegisterOp.Write(chip.address(RsEfuseLayout.CONF), 0x5A5A));
        ops.add(new RegisterOp.Write(cmd, RsEfuseLayout.programCommand(p.blockIndex())));
        ops.add(new RegisterOp.AwaitIdle(cmd, 0x3));
        clearProgramData(ops, chip);
        ops.add(new RegisterOp.Write(chip.address(RsEfuseLayout.CONF), 0x5AA5));
        ops.add(new RegisterOp.Write(cmd, 0x1));
        ops.add(new RegisterOp.AwaitIdle(cmd, 0x3));
    }

    private static void clearProgramData(List<RegisterOp> ops, EfuseChip chip) {
        for (int i = 0; i < 8; i++) {
            ops.add(new RegisterOp.Write(chip.address(RsEfuseLayout.PGM_DATA0 + 4 * i), 0));
        }
    }
}
