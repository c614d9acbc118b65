package io.fuseline.esp.nvs;

import static io.fuseline.esp.nvs.NvsLayout.ENTRIES_PER_PAGE;
import static io.fuseline.esp.nvs.NvsLayout.PAGE_SIZE;

/**
 * NVS encryption (NOTES §f.3), byte for byte as {@code nvs_partition_gen.py encrypt} writes it and
 * {@code decrypt} reads it: every entry the page bitmap marks as used (written or erased) is one XTS-AES-256
 * data unit with the entry's offset inside the partition as tweak; page headers, bitmaps, unused entries and
 * unused pages stay as they are. CRCs are those of the plaintext. Stateless and thread-safe; inputs are not
 * modified. Decrypting with wrong keys does not fail here: it yields entries whose CRCs do not match, which
 * {@link NvsPartitionReader} reports.
 */
public final class NvsEncryption {
    private NvsEncryption() {
    }

    /**
     * The encrypted copy of a plaintext partition image.
     *
     * @throws NvsException {@link NvsProblem.InvalidSize} if the length is not a multiple of 4096
     */
    public static byte[] encrypt(byte[] plainPartition, NvsKeys keys) {
        return process(plainPartition, keys, true);
    }

    /** The plaintext copy of an encrypted partition image; the inverse of {@link #encrypt}. */
    public static byte[] decrypt(byte[] encryptedPartition, NvsKeys keys) {
        return process(encryptedPartition, keys, false);
    }

    private static byte[] process(byte[] in, NvsKeys keys, boolean encrypt) {
        if (in.length % PAGE_SIZE != 0 || in.length == 0) {
            throw new NvsException(new NvsProblem.InvalidSize(in.length, "an NVS image is whole 4096-byte pages"));
        }
        byte[] out = in.clone();
        NvsXts xts = keys.xts();
        for (int pageOff = 0; pageOff < out.length; pageOff += PAGE_SIZE) {
            if (PageHeader.state(out, pageOff) == NvsLayout.STATE_UNINITIALIZED) {
                continue;
            }
            int page = pageOff / PAGE_SIZE;
            for (int i = 0; i < ENTRIES_PER_PAGE; i++) {
                if (NvsLayout.entryState(out, pageOff, i) != NvsLayout.ENTRY_EMPTY) {
                    int off = NvsLayout.entryOffset(page, i);
                    xts.process(out, off, off, encrypt);
                }
            }
        }
        return out;
    }
}
