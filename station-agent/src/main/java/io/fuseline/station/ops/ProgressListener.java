package io.fuseline.station.ops;

/**
 * Progress of a flash write or read, called on the thread doing the operation after every block; must return
 * quickly. Units are bytes of the caller's (uncompressed) data.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    void progress(long done, long total);
}
