package io.fuseline.station.ops;

import io.fuseline.esp.efuse.BlockProgram;
import io.fuseline.esp.efuse.BurnOptions;
import io.fuseline.esp.efuse.BurnPlan;
import io.fuseline.esp.efuse.BurnPlanner;
import io.fuseline.esp.efuse.BurnRequest;
import io.fuseline.esp.efuse.EfuseBlock;
import io.fuseline.esp.efuse.EfuseBurnRefusedException;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.EfuseControllerModel;
import io.fuseline.esp.efuse.EfuseRegisters;
import io.fuseline.esp.efuse.ProgramSequence;
import io.fuseline.esp.efuse.RegisterOp;
import io.fuseline.esp.efuse.UpdateSemantics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Burns eFuses through the ROM loader exactly as espefuse does (NOTES §d.5): reads the register window, plans with
 * esp-chip's {@link BurnPlanner}, then per planned block runs esp-chip's {@link ProgramSequence} over
 * WRITE_REG/READ_REG (timing registers, data and parity words, program command, read command) and reads the window
 * back. Blocks go highest index first and BLOCK0, which holds the write- and read-protection bits, last; a data
 * block is therefore verified while it is still readable, before the read protection that may hide it lands.
 *
 * <p>Verification compares each programmed block with what esp-chip's {@link EfuseControllerModel} predicts from
 * the registers before the burn and the plan: the old bits OR the planned bits, minus what write protection keeps
 * out and what read protection hides. A block that does not match (or whose coding-error bits are set, or whose
 * controller stays busy) is programmed again, up to {@link EfuseBurnSettings#burnAttempts()} times in all, then
 * the burn fails with a fatal {@link EfuseVerificationException}; the blocks after it are not touched.
 *
 * <p>Not thread-safe: it drives the caller's {@link RomLoader}, which one thread owns. Each call is bounded by the
 * loader's command timeout per register access and the idle timeout per controller command.
 */
public final class EfuseBurner {

    /** How one block's burn went. */
    public record BlockResult(String block, int attempts) {
    }

    /**
     * What a burn did.
     *
     * @param plan   the program operations that were executed (empty: everything was already burned)
     * @param blocks per programmed block, in burn order, the attempts it took
     * @param after  the eFuse window as read after the last block
     */
    public record Result(BurnPlan plan, List<BlockResult> blocks, EfuseRegisters after) {
        public Result {
            blocks = List.copyOf(blocks);
        }
    }

    private final RomLoader loader;
    private final EfuseBurnSettings settings;
    private final RegisterOps ops;

    public EfuseBurner(RomLoader loader, EfuseBurnSettings settings) {
        this.loader = loader;
        this.settings = settings;
        this.ops = new RegisterOps(loader, settings);
    }

    /**
     * Irreversible: burns {@code requests} into the connected chip's eFuses with espefuse's defaults (no postponing)
     * and verifies every programmed block.
     *
     * @throws EfuseBurnRefusedException   the chip or espefuse would refuse the burn; nothing was written
     * @throws EfuseVerificationException  a block did not verify after every attempt (fatal)
     * @throws LoaderException             the line failed; some blocks may already be burned
     */
    public Result burn(List<? extends BurnRequest> requests) throws LoaderException {
        return burn(requests, BurnOptions.DEFAULT);
    }

    /**
     * Irreversible: burns {@code requests} into the connected chip's eFuses and verifies every programmed block.
     * Reads the current window first, so a request that is already satisfied burns nothing.
     *
     * @throws EfuseBurnRefusedException   the chip or espefuse would refuse the burn; nothing was written
     * @throws EfuseVerificationException  a block did not verify after every attempt (fatal)
     * @throws LoaderException             the line failed; some blocks may already be burned
     */
    public Result burn(List<? extends BurnRequest> requests, BurnOptions options) throws LoaderException {
        EfuseRegisters current = loader.readEfuses();
        return execute(BurnPlanner.plan(current, requests, options), current);
    }

    /**
     * Irreversible: executes a plan made from {@code current} (which must be the chip's window as read now), block
     * by block, verifying each.
     *
     * @throws EfuseVerificationException a block did not verify after every attempt (fatal)
     */
    public Result execute(BurnPlan plan, EfuseRegisters current) throws LoaderException {
        EfuseChip chip = plan.chip();
        String mac = loader.macForErrors();
        int crystal = crystalMhz(chip);
        EfuseControllerModel prediction = new EfuseControllerModel(current, UpdateSemantics.CHIP);
        List<BlockResult> results = new ArrayList<>();
        EfuseRegisters now = current;
        for (BlockProgram program : plan.programs()) {
            List<RegisterOp> sequence = ProgramSequence.of(new BurnPlan(chip, List.of(program)), crystal);
            prediction.apply(sequence);
            EfuseBlock block = chip.block(program.blockIndex());
            int[] expected = prediction.snapshot().readWords(block);
            now = programVerified(mac, block, sequence, expected, results);
        }
        return new Result(plan, results, now);
    }

    private EfuseRegisters programVerified(String mac, EfuseBlock block, List<RegisterOp> sequence, int[] expected,
                                           List<BlockResult> results) throws LoaderException {
        int[] read = new int[0];
        String detail = "";
        for (int attempt = 1; attempt <= settings.burnAttempts(); attempt++) {
            boolean idle = ops.run(sequence);
            EfuseRegisters after = loader.readEfuses();
            read = after.readWords(block);
            boolean codingErrors = after.chip().hasCodingErrors(block.index(), after);
            if (idle && !codingErrors && Arrays.equals(read, expected)) {
                results.add(new BlockResult(block.name(), attempt));
                return after;
            }
            detail = !idle ? "controller still busy after " + settings.idleTimeout().toMillis() + " ms"
                    : codingErrors ? "controller reports coding errors" : "";
        }
        throw new EfuseVerificationException(mac, block.name(), block.index() != 0, settings.burnAttempts(),
                expected, read, detail);
    }

    /**
     * The crystal espefuse programs the ESP32's eFuse timing for: UART_CLKDIV × the believed baud, normalised to 26
     * or 40 MHz. ESP32-S3/C3 are always programmed for 40 MHz.
     */
    private int crystalMhz(EfuseChip chip) throws LoaderException {
        if (!(chip.family() == io.fuseline.esp.ChipFamily.ESP32)) {
            return 40;
        }
        long divider = loader.readReg(loader.target().uartClkdivReg()) & 0xFFFFFL;
        double mhz = divider * (double) loader.baudRate() / 1e6;
        return mhz > 33 ? 40 : 26;
    }
}
