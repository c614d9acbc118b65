package io.fuseline.station.job;

import io.fuseline.station.ops.EfuseBurnSettings;
import java.util.Objects;
import java.util.Set;

/**
 * How the executor runs jobs.
 *
 * @param burn          eFuse programming timeouts and attempts per block
 * @param signedImages  names of the images that must carry a Secure Boot V2 signature when the job burns a key
 *                      digest (ESP-IDF signs the bootloader and the app; data partitions are not signed)
 */
public record JobSettings(EfuseBurnSettings burn, Set<String> signedImages) {

    public JobSettings {
        Objects.requireNonNull(burn, "burn");
        signedImages = Set.copyOf(signedImages);
    }

    /** espefuse's burn defaults; {@code bootloader} and {@code app} signed. */
    public static JobSettings defaults() {
        return new JobSettings(EfuseBurnSettings.defaults(), Set.of("bootloader", "app"));
    }
}
