package io.fuseline.deploy.cli.station;

import io.fuseline.esp.efuse.EfuseSummary;
import io.fuseline.station.ops.FlashId;
import io.fuseline.station.ops.RomLoader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code station identify}: chip, revision, MAC, flash, and the security state its eFuses report. Reads only. */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "Connect, detect the chip and print chip, revision, MAC, flash id/size and security state.")
final class IdentifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PortOptions port;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (RomLoader loader = port.connect()) {
            out.println("Chip:             " + loader.target().family().displayName());
            out.println("Revision:         " + loader.readRevision());
            out.println("MAC:              " + loader.readMac());
            FlashId id = loader.readFlashId();
            out.printf("Flash:            manufacturer 0x%02x, device 0x%04x, %s%n", id.manufacturer(), id.device(),
                    id.sizeBytes().isPresent() ? (id.sizeBytes().getAsLong() >> 20) + " MB" : "size unknown");
            EfuseSummary s = loader.readEfuseSummary();
            out.printf("Flash encryption: %s (%s = %d)%n", s.flashEncryption().enabled() ? "enabled" : "disabled",
                    s.flashEncryption().counterField(), s.flashEncryption().counter());
            out.println("Secure Boot:      " + (s.secureBoot().v2Enabled() ? "V2 enabled"
                    : s.secureBoot().v1Enabled() ? "V1 enabled" : "disabled"));
            loader.securityInfo().ifPresent(i -> out.printf("Security info:    flags 0x%x %s%n", i.flags(), i.flagSet()));
        }
        return 0;
    }
}
