package io.fuseline.station.ops;

import io.fuseline.station.protocol.CommandFailedException;
import io.fuseline.station.protocol.LoaderProtocolException;
import io.fuseline.station.protocol.Requests;
import io.fuseline.station.protocol.SecurityInfo;
import io.fuseline.station.protocol.StatusDialect;
import io.fuseline.station.protocol.UnexpectedResponseException;
import io.fuseline.station.protocol.UnsupportedCommandException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Identifies the chip the way esptool's {@code --chip auto} does (NOTES §e.3): GET_SECURITY_INFO's chip id on
 * S3/C3; when the ROM refuses that command (ESP32), the magic register {@code 0x40001000}.
 */
final class ChipDetector {

    private final CommandChannel channel;

    ChipDetector(CommandChannel channel) {
        this.channel = channel;
    }

    /** The detected chip and, where the ROM offers it, its security information. */
    record Detected(LoaderTarget target, Optional<SecurityInfo> securityInfo) {
    }

    /**
     * @throws UnsupportedChipException for a chip id or magic value of a family this station does not handle
     */
    Detected detect() throws LoaderException {
        Optional<SecurityInfo> info = securityInfo();
        if (info.isPresent() && info.get().chipId().isPresent()) {
            int id = info.get().chipId().getAsInt();
            for (LoaderTarget t : LoaderTarget.all()) {
                if (t.securityInfoChipId().equals(OptionalInt.of(id))) {
                    return new Detected(t, info);
                }
            }
            throw new UnsupportedChipException("GET_SECURITY_INFO reports chip id " + id
                    + ", which is not an ESP32, ESP32-S3 or ESP32-C3");
        }
        int magic = channel.execute(Requests.readReg(LoaderTarget.CHIP_MAGIC_REG)).value();
        for (LoaderTarget t : LoaderTarget.all()) {
            if (t.magicValues().contains(magic)) {
                return new Detected(t, info);
            }
        }
        throw new UnsupportedChipException(String.format("chip magic 0x%08x at 0x%08x is not an ESP32, ESP32-S3"
                + " or ESP32-C3", magic, LoaderTarget.CHIP_MAGIC_REG));
    }

    /** Empty when the ROM refuses the command, as the ESP32 ROM does (status 1, invalid message). */
    Optional<SecurityInfo> securityInfo() throws LoaderException {
        try {
            byte[] payload = channel.execute(Requests.getSecurityInfo()).payload(StatusDialect.ROM);
            return Optional.of(SecurityInfo.parse(payload));
        } catch (UnexpectedResponseException e) {
            throw new LoaderCommandException(e);
        } catch (LoaderCommandException e) {
            LoaderProtocolException cause = e.protocolError();
            boolean refused = cause instanceof UnsupportedCommandException
                    || cause instanceof CommandFailedException f && f.invalidMessage();
            if (refused) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
