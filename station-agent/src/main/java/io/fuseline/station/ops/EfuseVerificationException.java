package io.fuseline.station.ops;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An eFuse block did not read back as planned after every allowed program attempt: the chip holds something other
 * than what the station burned (a weak fuse, a wrong programming clock, a write-protected block). Fatal: the unit
 * must be quarantined, never reported as provisioned; burning again cannot remove bits that did stick.
 *
 * <p>Carries the chip's MAC, the block, the attempts made, and the expected and read-back words. The message shows
 * the words of BLOCK0 and other configuration blocks in hex; for key blocks (which hold key material) it shows
 * only which words differ and a check value, never the words. The accessors return the full words.
 */
public final class EfuseVerificationException extends LoaderException {

    private static final long serialVersionUID = 1L;

    private final String mac;
    private final String block;
    private final int attempts;
    private final int[] expected;
    private final int[] read;

    public EfuseVerificationException(String mac, String block, boolean keyBlock, int attempts, int[] expected,
                                      int[] read, String detail) {
        super(String.format("%s: eFuse %s does not verify after %d program attempt(s)%s: %s", mac, block, attempts,
                detail.isEmpty() ? "" : " (" + detail + ")", describe(keyBlock, expected, read)), null);
        this.mac = mac;
        this.block = block;
        this.attempts = attempts;
        this.expected = expected.clone();
        this.read = read.clone();
    }

    /** The chip's MAC as read before the burn. */
    public String mac() { return mac; }

    /** espefuse's name of the block that failed. */
    public String block() { return block; }

    public int attempts() { return attempts; }

    /** The words the block should read (for a key block: key material, handle as a secret). */
    public int[] expectedWords() { return expected.clone(); }

    /** The words the block read back after the last attempt. */
    public int[] readWords() { return read.clone(); }

    @Override
    public String code() { return "SA-107"; }

    @Override
    public boolean retriable() { return false; }

    private static String describe(boolean keyBlock, int[] expected, int[] read) {
        if (!keyBlock) {
            return "expected " + hex(expected) + ", read " + hex(read);
        }
        StringBuilder s = new StringBuilder("words differing:");
        for (int i = 0; i < Math.max(expected.length, read.length); i++) {
            int e = i < expected.length ? expected[i] : 0;
            int r = i < read.length ? read[i] : 0;
            if (e != r) {
                s.append(' ').append(i).append(" (").append(Integer.bitCount(e & ~r)).append(" bits missing, ")
                        .append(Integer.bitCount(r & ~e)).append(" unexpected)");
            }
        }
        return s.append("; expected kcv ").append(kcv(expected)).append(", read kcv ").append(kcv(read)).toString();
    }

    private static String hex(int[] words) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < words.length; i++) {
            s.append(i == 0 ? "" : " ").append(String.format("%08x", words[i]));
        }
        return s.append(']').toString();
    }

    /** First 3 bytes of SHA-256 over the words: identifies a key without revealing it. */
    private static String kcv(int[] words) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int w : words) {
                md.update(new byte[] {(byte) w, (byte) (w >>> 8), (byte) (w >>> 16), (byte) (w >>> 24)});
            }
            return HexFormat.of().formatHex(md.digest(), 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
