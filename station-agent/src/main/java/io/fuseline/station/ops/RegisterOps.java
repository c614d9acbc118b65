package io.fuseline.station.ops;

import io.fuseline.esp.efuse.RegisterOp;
import io.fuseline.station.protocol.WriteRegister;
import java.util.List;

/**
 * Carries esp-chip {@link RegisterOp}s over the ROM loader: a write is one WRITE_REG, an update esptool's
 * {@code update_reg} (READ_REG, then WRITE_REG of {@code (old & ~mask) | (value << lsb(mask) & mask)}), an idle wait
 * READ_REG polls bounded by {@link EfuseBurnSettings#idleTimeout()}. On ESP32-S3/C3 the eFuse read command carries a
 * second, pure-delay record, as espefuse sends it, so the controller has reloaded before the next READ_REG.
 *
 * <p>Executing a sequence that contains a program command burns eFuses irreversibly. Not thread-safe.
 */
final class RegisterOps {

    private final RomLoader loader;
    private final EfuseBurnSettings settings;

    RegisterOps(RomLoader loader, EfuseBurnSettings settings) {
        this.loader = loader;
        this.settings = settings;
    }

    /**
     * Irreversible when {@code ops} program: runs them in order.
     *
     * @return false if an idle wait timed out (the rest of the sequence was skipped)
     */
    boolean run(List<RegisterOp> ops) throws LoaderException {
        for (RegisterOp op : ops) {
            if (op instanceof RegisterOp.Write w) {
                write(w);
            } else if (op instanceof RegisterOp.Update u) {
                int old = loader.readReg((int) u.address());
                int shift = Integer.numberOfTrailingZeros(u.mask());
                loader.writeReg(WriteRegister.of((int) u.address(), (old & ~u.mask()) | ((u.value() << shift) & u.mask())));
            } else if (op instanceof RegisterOp.AwaitIdle a && !awaitIdle(a)) {
                return false;
            }
        }
        return true;
    }

    private void write(RegisterOp.Write w) throws LoaderException {
        LoaderTarget target = loader.target();
        boolean rsReadCommand = target.family() != io.fuseline.esp.ChipFamily.ESP32
                && w.address() == target.efuse().address(target.efuse().cmdOffset()) && w.value() == 1;
        WriteRegister record = WriteRegister.of((int) w.address(), w.value());
        if (rsReadCommand) {
            // The pure-delay record (mask 0) on UART_DATE is how esptool makes the ROM wait after the write.
            loader.writeReg(List.of(record, new WriteRegister(target.uartDateReg(), 0, 0, settings.readDelayMicros())));
        } else {
            loader.writeReg(record);
        }
    }

    private boolean awaitIdle(RegisterOp.AwaitIdle a) throws LoaderException {
        long deadline = System.nanoTime() + settings.idleTimeout().toNanos();
        do {
            if ((loader.readReg((int) a.address()) & a.mask()) == 0) {
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }
}
