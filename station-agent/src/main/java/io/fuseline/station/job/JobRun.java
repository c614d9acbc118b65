package io.fuseline.station.job;

import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.station.ops.RomLoader;
import java.util.HashMap;
import java.util.Map;

/**
 * The state of one job while it runs: the connected loader, the unwrapped keys, the verified plaintext images, the
 * unit's own NVS partitions (null for a job without them) and the bytes actually written per address (ciphertext
 * when encrypted), so that verification compares the chip with what was written. Confined to the jig's worker
 * thread.
 */
record JobRun(ProvisionJob job, RomLoader loader, UnwrappedKeys keys, Map<String, byte[]> images,
              UnitPartitions partitions, Map<Long, byte[]> written) {

    JobRun(ProvisionJob job, RomLoader loader, UnwrappedKeys keys, Map<String, byte[]> images,
           UnitPartitions partitions) {
        this(job, loader, keys, images, partitions, new HashMap<>());
    }

    @Override
    public String toString() {
        return "JobRun[" + job.jobId() + " " + job.mac() + " attempt " + job.attempt() + "]";
    }
}
