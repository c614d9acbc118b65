package io.fuseline.esp.efuse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans an irreversible eFuse burn: from the current registers and a list of {@link BurnRequest}s, the exact
 * program operations espefuse v4.12 would perform ({@code burn_efuse}, {@code burn_key},
 * {@code burn_key_digest}, {@code burn_block_data}, {@code write_protect_efuse}, {@code read_protect_efuse}
 * followed by {@code burn_all}), or an {@link EfuseBurnRefusedException} for what espefuse or the chip would
 * refuse. Planning itself writes nothing. Stateless and thread-safe.
 *
 * <p>Where espefuse and the chip differ: ESP32 {@code burn_key_digest} also refuses chips below revision v3.0;
 * the revision needs APB_CTL_DATE, outside the eFuse window, so the caller checks it. espefuse's
 * {@code --force-write-always} is not offered.
 */
public final class BurnPlanner {
    private BurnPlanner() {
    }

    /** Plans an irreversible burn with espefuse's defaults (no postponing). */
    public static BurnPlan plan(EfuseRegisters current, List<? extends BurnRequest> requests) {
        return plan(current, requests, BurnOptions.DEFAULT);
    }

    /**
     * Plans an irreversible burn: every request is checked and staged, then every block is checked, then the
     * blocks with new bits are encoded, highest index first, BLOCK0 last.
     *
     * @throws EfuseBurnRefusedException naming the first field or block that cannot be burned
     */
    public static BurnPlan plan(EfuseRegisters current, List<? extends BurnRequest> requests, BurnOptions options) {
        BurnStaging staging = new BurnStaging(current);
        KeyRequests keys = new KeyRequests(staging, namedKeyBlocks(current.chip(), requests));
        for (BurnRequest r : requests) {
            stage(staging, keys, r);
        }
        List<int[]> writes = staging.checkedWrites();
        EfuseChip chip = current.chip();
        List<BlockProgram> programs = new ArrayList<>();
        for (int i = chip.blocks().size() - 1; i >= 0; i--) {
            int[] data = writes.get(i);
            if (Words.isZero(data)) {
                continue;
            }
            refuseUnsupportedCoding(current, chip.block(i));
            if (i == 0 && options.postponeSecurityFields()) {
                addPostponed(current, data, programs);
            } else {
                programs.add(BlockEncoder.encode(current, chip.block(i), data));
            }
        }
        return new BurnPlan(chip, programs);
    }

    private static void stage(BurnStaging staging, KeyRequests keys, BurnRequest r) {
        if (r instanceof BurnRequest.SetField f) {
            FieldRequests.setField(staging, f.name(), f.value());
        } else if (r instanceof BurnRequest.SetFieldBytes f) {
            FieldRequests.setFieldBytes(staging, f.name(), f.value());
        } else if (r instanceof BurnRequest.BurnKey k) {
            keys.burnKey(k.block(), k.purpose(), k.key().bytes(), k.protection());
        } else if (r instanceof BurnRequest.BurnXtsAes256Key k) {
            keys.burnXts256(k.block(), k.key().bytes(), k.protection());
        } else if (r instanceof BurnRequest.BurnKeyDigest d) {
            keys.burnDigest(d.block(), d.purpose(), d.digest(), d.writeProtect());
        } else if (r instanceof BurnRequest.BurnBlockData d) {
            FieldRequests.burnBlockData(staging, d.block(), d.offset(), d.data());
        } else if (r instanceof BurnRequest.WriteProtect p) {
            FieldRequests.writeProtect(staging, p.name());
        } else if (r instanceof BurnRequest.ReadProtect p) {
            FieldRequests.readProtect(staging, p.name());
        } else {
            throw new IllegalArgumentException("unknown burn request " + r);
        }
    }

    /** Key blocks named by key requests, which espefuse never picks as the second half of an XTS-256 key. */
    private static Set<Integer> namedKeyBlocks(EfuseChip chip, List<? extends BurnRequest> requests) {
        Set<Integer> out = new HashSet<>();
        for (BurnRequest r : requests) {
            String name = r instanceof BurnRequest.BurnKey k ? k.block()
                    : r instanceof BurnRequest.BurnXtsAes256Key k ? k.block()
                    : r instanceof BurnRequest.BurnKeyDigest d ? d.block() : null;
            if (name != null) {
                chip.block(name).ifPresent(b -> out.add(b.index()));
            }
        }
        return out;
    }

    private static void refuseUnsupportedCoding(EfuseRegisters current, EfuseBlock block) {
        if (current.chip() instanceof Esp32Efuse e && block.index() > 0
                && e.rawCodingScheme(current) == Esp32Efuse.CODING_SCHEME_REPEAT) {
            throw new EfuseBurnRefusedException(block.name(), "CODING_SCHEME=REPEAT",
                    RefusalReason.CODING_SCHEME_UNSUPPORTED, "espefuse does not support the REPEAT scheme");
        }
    }

    private static void addPostponed(EfuseRegisters current, int[] data, List<BlockProgram> programs) {
        EfuseChip chip = current.chip();
        List<String> names = chip instanceof Esp32Efuse
                ? List.of("WR_DIS", "RD_DIS", "UART_DOWNLOAD_DIS", "ABS_DONE_1", "FLASH_CRYPT_CNT")
                : List.of("WR_DIS", "RD_DIS", "ENABLE_SECURITY_DOWNLOAD", "DIS_DOWNLOAD_MODE", "SPI_BOOT_CRYPT_CNT",
                "SECURE_BOOT_EN");
        int[] mask = new int[data.length];
        for (String n : names) {
            mask = BurnStaging.or(mask, FieldBits.mask(data.length, chip.fields().field(n).orElseThrow()));
        }
        int[] later = BurnStaging.and(data, mask);
        int[] first = data.clone();
        for (int i = 0; i < first.length; i++) {
            first[i] &= ~mask[i];
        }
        if (!Words.isZero(first)) {
            programs.add(BlockEncoder.encode(current, chip.block(0), first));
        }
        if (!Words.isZero(later)) {
            programs.add(BlockEncoder.encode(current, chip.block(0), later));
        }
    }
}
