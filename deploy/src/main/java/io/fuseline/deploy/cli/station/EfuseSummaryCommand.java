package io.fuseline.deploy.cli.station;

import io.fuseline.esp.efuse.DecodedField;
import io.fuseline.esp.efuse.EfuseSummary;
import io.fuseline.station.ops.RomLoader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code station efuse-summary}: every eFuse field as espefuse's summary reads it (raw values), with R/W flags,
 * then key blocks, flash encryption and Secure Boot. Reads only. Read-protected keys read as zeros.
 */
@Command(name = "efuse-summary", mixinStandardHelpOptions = true,
        description = "Read the eFuse registers and print every field (R = readable, W = writeable), key blocks, "
                + "flash encryption and Secure Boot state.")
final class EfuseSummaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PortOptions port;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (RomLoader loader = port.connect()) {
            EfuseSummary s = loader.readEfuseSummary();
            out.printf("%s eFuses of %s%n", s.family().displayName(), loader.readMac());
            for (DecodedField f : s.fields().values()) {
                String value = f.value() instanceof io.fuseline.esp.efuse.FieldValue.Bytes b ? b.hex()
                        : f.value().toString();
                out.printf("%-36s %s/%s  %s%n", f.field().name(), f.readable() ? "R" : "-", f.writeable() ? "W" : "-",
                        value);
            }
            for (EfuseSummary.KeyBlockState k : s.keyBlocks()) {
                out.printf("key block %-16s purpose %-28s %s%s%s%n", k.block().name(),
                        k.purpose().map(Enum::name).orElse("raw " + k.rawPurpose()),
                        k.readsEmpty() && !k.readProtected() ? "empty" : "written",
                        k.readProtected() ? ", read-protected" : "", k.writeProtected() ? ", write-protected" : "");
            }
            out.printf("Flash encryption: %s (%s = %d%s)%n", s.flashEncryption().enabled() ? "enabled" : "disabled",
                    s.flashEncryption().counterField(), s.flashEncryption().counter(),
                    s.flashEncryption().writeProtected() ? ", write-protected" : "");
            out.println("Secure Boot V2: " + (s.secureBoot().v2Enabled() ? "enabled" : "disabled"));
        }
        return 0;
    }
}
