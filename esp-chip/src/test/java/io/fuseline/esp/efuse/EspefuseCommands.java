package io.fuseline.esp.efuse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Translates the espefuse command lines of the scenario folders' steps.tsv into {@link BurnRequest}s. */
final class EspefuseCommands {
    private EspefuseCommands() {
    }

    static List<BurnRequest> requests(EfuseVectors.Step step) {
        List<String> all = Arrays.asList(step.args().split(" "));
        List<String> args = all.stream().filter(a -> !a.startsWith("--")).toList();
        boolean noProtectKey = all.contains("--no-protect-key");
        boolean noRead = all.contains("--no-read-protect");
        boolean noWrite = all.contains("--no-write-protect");
        KeyProtection protection = noProtectKey ? KeyProtection.NONE : new KeyProtection(!noWrite, !noRead);
        List<BurnRequest> out = new ArrayList<>();
        switch (args.get(0)) {
            case "summary" -> { }
            case "burn_efuse" -> {
                for (int i = 1; i < args.size(); i += 2) {
                    out.add(new BurnRequest.SetField(args.get(i), Long.decode(args.get(i + 1))));
                }
            }
            case "burn_key" -> {
                EfuseKey key = EfuseKey.copyOf(keyFile(args.get(2)));
                if (args.size() > 3 && args.get(3).equals("XTS_AES_256_KEY")) {
                    out.add(new BurnRequest.BurnXtsAes256Key(args.get(1), key, protection));
                } else {
                    KeyPurpose purpose = args.size() > 3 ? KeyPurpose.valueOf(args.get(3)) : null;
                    out.add(new BurnRequest.BurnKey(args.get(1), purpose, key, protection));
                }
            }
            case "burn_key_digest" -> {
                byte[] digest = EfuseVectors.bytes("rsa3072.digest.bin");
                if (args.size() == 2) {
                    out.add(new BurnRequest.BurnKeyDigest("BLOCK2", KeyPurpose.ESP32_SECURE_BOOT_V2_DIGEST, digest,
                            !noProtectKey));
                } else {
                    out.add(new BurnRequest.BurnKeyDigest(args.get(1), KeyPurpose.valueOf(args.get(3)), digest,
                            !noWrite));
                }
            }
            case "burn_block_data" -> out.add(new BurnRequest.BurnBlockData(args.get(1), 0, keyFile(args.get(2))));
            case "write_protect_efuse" -> out.add(new BurnRequest.WriteProtect(args.get(1)));
            case "read_protect_efuse" -> out.add(new BurnRequest.ReadProtect(args.get(1)));
            default -> throw new IllegalArgumentException("unknown espefuse command " + step.args());
        }
        return out;
    }

    /** keys/key32_hash.bin and friends, copied next to the eFuse vectors. */
    static byte[] keyFile(String path) {
        return EfuseVectors.bytes(path.substring(path.lastIndexOf('/') + 1));
    }
}
