package io.fuseline.esp.flash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One AES-256 block (FIPS-197), both directions, with a key that can change every call at the cost of a key
 * expansion and nothing else: {@link #setKey} fills preallocated round-key arrays, no call allocates.
 *
 * <p><b>Why we carry our own AES.</b> ESP32 flash encryption changes the AES key every 32 bytes (NOTES
 * §a.2). Through JCE that is one {@code Cipher.init} per 32 bytes, measured at ~1.5–1.9 µs on OpenJDK 17,
 * which capped the ESP32 mode at ~31 MB/s on one core. A re-key here is a key expansion into the existing
 * arrays (plus the inverse schedule when decrypting), which brings the mode to roughly 65–100 MB/s on both
 * JDK 17 and 25 (JDK 25's faster {@code Cipher.init} gave ~80–90 MB/s, so one implementation serves both).
 * The XTS modes keep one key per image and stay on JCE, with its AES-NI intrinsics.
 *
 * <p><b>Where it may be used.</b> Host-side encryption of flash images that a chip will decrypt (and the
 * reverse, to verify them), on provisioning hosts that hold those keys anyway. It is not a general-purpose
 * cipher. It has no secret-dependent branches, but it is a classic T-table implementation: the round
 * function and the key schedule index tables with key- and data-dependent bytes, so a process sharing the
 * CPU caches (another tenant, a co-scheduled thread) could in principle recover key bits by cache timing.
 * It does not belong on machines shared with untrusted code, nor anywhere an attacker can time it.
 *
 * <p>State is a 32-bit word per column, big-endian (byte 0 of the block is the top byte of word 0). The
 * decryption key schedule is that of FIPS-197's equivalent inverse cipher (§5.3.5), derived on the first
 * {@link #decryptBlock} after a {@link #setKey}, so a caller that only encrypts never pays for it. Not
 * thread-safe; {@link #clear()} zeroizes both schedules.
 */
final class Aes256Block {
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final int ROUNDS = 14;
    private static final int KEY_WORDS = 8;
    private static final int SCHEDULE_WORDS = 4 * (ROUNDS + 1);

    private static final int[] SBOX = new int[256];
    private static final int[] INV_SBOX = new int[256];
    /** TE0[x] = MixColumns applied to the column (S(x), 0, 0, 0); TEi is TE0 rotated right by 8i bits. */
    private static final int[] TE0 = new int[256];
    private static final int[] TE1 = new int[256];
    private static final int[] TE2 = new int[256];
    private static final int[] TE3 = new int[256];
    /** TD0[x] = InvMixColumns applied to (S⁻¹(x), 0, 0, 0); TDi is TD0 rotated right by 8i bits. */
    private static final int[] TD0 = new int[256];
    private static final int[] TD1 = new int[256];
    private static final int[] TD2 = new int[256];
    private static final int[] TD3 = new int[256];
    /** IMC[b] = InvMixColumns applied to (b, 0, 0, 0), for the decryption key schedule. */
    private static final int[] IMC = new int[256];

    static {
        // S-box from its definition: multiplicative inverse in GF(2^8) mod x^8+x^4+x^3+x+1, then the affine map.
        // 3 generates the multiplicative group, so powers of 3 give exp/log tables and inverses from them.
        int[] exp = new int[255];
        int[] log = new int[256];
        for (int i = 0, p = 1; i < 255; i++, p ^= xtime(p)) {
            exp[i] = p;
            log[p] = i;
        }
        for (int x = 0; x < 256; x++) {
            int inv = x == 0 ? 0 : exp[(255 - log[x]) % 255];
            int s = inv ^ rotl8(inv, 1) ^ rotl8(inv, 2) ^ rotl8(inv, 3) ^ rotl8(inv, 4) ^ 0x63;
            SBOX[x] = s;
            INV_SBOX[s] = x;
        }
        for (int x = 0; x < 256; x++) {
            int s = SBOX[x];
            int te = mul(s, 2) << 24 | s << 16 | s << 8 | mul(s, 3);
            int si = INV_SBOX[x];
            int td = mul(si, 14) << 24 | mul(si, 9) << 16 | mul(si, 13) << 8 | mul(si, 11);
            TE0[x] = te;
            TE1[x] = Integer.rotateRight(te, 8);
            TE2[x] = Integer.rotateRight(te, 16);
            TE3[x] = Integer.rotateRight(te, 24);
            TD0[x] = td;
            TD1[x] = Integer.rotateRight(td, 8);
            TD2[x] = Integer.rotateRight(td, 16);
            TD3[x] = Integer.rotateRight(td, 24);
            IMC[x] = mul(x, 14) << 24 | mul(x, 9) << 16 | mul(x, 13) << 8 | mul(x, 11);
        }
    }

    private final int[] ek = new int[SCHEDULE_WORDS];
    private final int[] dk = new int[SCHEDULE_WORDS];
    private boolean decryptionKeyReady;

    /** Expands a 32-byte AES-256 key; the array is only read. */
    void setKey(byte[] key32) {
        if (key32.length != 32) {
            throw new IllegalArgumentException("AES-256 takes a 32-byte key, got " + key32.length + " bytes");
        }
        int[] w = ek;
        for (int i = 0; i < KEY_WORDS; i++) {
            w[i] = (int) INT_BE.get(key32, 4 * i);
        }
        int rcon = 1;
        for (int i = KEY_WORDS; i < SCHEDULE_WORDS; i++) {
            int t = w[i - 1];
            if (i % KEY_WORDS == 0) {
                t = subWord(Integer.rotateLeft(t, 8)) ^ rcon << 24;
                rcon = xtime(rcon);
            } else if (i % KEY_WORDS == 4) {
                t = subWord(t);
            }
            w[i] = w[i - KEY_WORDS] ^ t;
        }
        decryptionKeyReady = false;
    }

    /** AES-256 encryption of the 16 bytes at {@code in[inOff]} into {@code out[outOff]}; in place allowed. */
    void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        int[] k = ek;
        int s0 = (int) INT_BE.get(in, inOff) ^ k[0];
        int s1 = (int) INT_BE.get(in, inOff + 4) ^ k[1];
        int s2 = (int) INT_BE.get(in, inOff + 8) ^ k[2];
        int s3 = (int) INT_BE.get(in, inOff + 12) ^ k[3];
        for (int r = 4; r < 4 * ROUNDS; r += 4) {
            int t0 = TE0[s0 >>> 24] ^ TE1[s1 >>> 16 & 0xff] ^ TE2[s2 >>> 8 & 0xff] ^ TE3[s3 & 0xff] ^ k[r];
            int t1 = TE0[s1 >>> 24] ^ TE1[s2 >>> 16 & 0xff] ^ TE2[s3 >>> 8 & 0xff] ^ TE3[s0 & 0xff] ^ k[r + 1];
            int t2 = TE0[s2 >>> 24] ^ TE1[s3 >>> 16 & 0xff] ^ TE2[s0 >>> 8 & 0xff] ^ TE3[s1 & 0xff] ^ k[r + 2];
            int t3 = TE0[s3 >>> 24] ^ TE1[s0 >>> 16 & 0xff] ^ TE2[s1 >>> 8 & 0xff] ^ TE3[s2 & 0xff] ^ k[r + 3];
            s0 = t0;
            s1 = t1;
            s2 = t2;
            s3 = t3;
        }
        int r = 4 * ROUNDS; // last round: SubBytes and ShiftRows, no MixColumns
        INT_BE.set(out, outOff, lastRound(SBOX, s0, s1, s2, s3) ^ k[r]);
        INT_BE.set(out, outOff + 4, lastRound(SBOX, s1, s2, s3, s0) ^ k[r + 1]);
        INT_BE.set(out, outOff + 8, lastRound(SBOX, s2, s3, s0, s1) ^ k[r + 2]);
        INT_BE.set(out, outOff + 12, lastRound(SBOX, s3, s0, s1, s2) ^ k[r + 3]);
    }

    /** AES-256 decryption of the 16 bytes at {@code in[inOff]} into {@code out[outOff]}; in place allowed. */
    void decryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        if (!decryptionKeyReady) {
            deriveDecryptionKey();
        }
        int[] k = dk;
        int s0 = (int) INT_BE.get(in, inOff) ^ k[0];
        int s1 = (int) INT_BE.get(in, inOff + 4) ^ k[1];
        int s2 = (int) INT_BE.get(in, inOff + 8) ^ k[2];
        int s3 = (int) INT_BE.get(in, inOff + 12) ^ k[3];
        for (int r = 4; r < 4 * ROUNDS; r += 4) {
            int t0 = TD0[s0 >>> 24] ^ TD1[s3 >>> 16 & 0xff] ^ TD2[s2 >>> 8 & 0xff] ^ TD3[s1 & 0xff] ^ k[r];
            int t1 = TD0[s1 >>> 24] ^ TD1[s0 >>> 16 & 0xff] ^ TD2[s3 >>> 8 & 0xff] ^ TD3[s2 & 0xff] ^ k[r + 1];
            int t2 = TD0[s2 >>> 24] ^ TD1[s1 >>> 16 & 0xff] ^ TD2[s0 >>> 8 & 0xff] ^ TD3[s3 & 0xff] ^ k[r + 2];
            int t3 = TD0[s3 >>> 24] ^ TD1[s2 >>> 16 & 0xff] ^ TD2[s1 >>> 8 & 0xff] ^ TD3[s0 & 0xff] ^ k[r + 3];
            s0 = t0;
            s1 = t1;
            s2 = t2;
            s3 = t3;
        }
        int r = 4 * ROUNDS; // last round: InvSubBytes and InvShiftRows, no InvMixColumns
        INT_BE.set(out, outOff, lastRound(INV_SBOX, s0, s3, s2, s1) ^ k[r]);
        INT_BE.set(out, outOff + 4, lastRound(INV_SBOX, s1, s0, s3, s2) ^ k[r + 1]);
        INT_BE.set(out, outOff + 8, lastRound(INV_SBOX, s2, s1, s0, s3) ^ k[r + 2]);
        INT_BE.set(out, outOff + 12, lastRound(INV_SBOX, s3, s2, s1, s0) ^ k[r + 3]);
    }

    /** Zeroizes both key schedules; the next use needs a {@link #setKey}. */
    void clear() {
        Arrays.fill(ek, 0);
        Arrays.fill(dk, 0);
        decryptionKeyReady = false;
    }

    /**
     * Equivalent inverse cipher: the encryption round keys in reverse round order, with InvMixColumns
     * applied to all but the first and last, so that decryption rounds have the same shape as encryption.
     */
    private void deriveDecryptionKey() {
        for (int r = 0; r <= ROUNDS; r++) {
            for (int c = 0; c < 4; c++) {
                int w = ek[4 * (ROUNDS - r) + c];
                dk[4 * r + c] = r == 0 || r == ROUNDS ? w : invMixColumn(w);
            }
        }
        decryptionKeyReady = true;
    }

    /** InvMixColumns of one column: the sum of each byte's own column, rotated into place. */
    private static int invMixColumn(int w) {
        return IMC[w >>> 24] ^ Integer.rotateRight(IMC[w >>> 16 & 0xff], 8)
                ^ Integer.rotateRight(IMC[w >>> 8 & 0xff], 16) ^ Integer.rotateRight(IMC[w & 0xff], 24);
    }

    private static int lastRound(int[] box, int a, int b, int c, int d) {
        return box[a >>> 24] << 24 | box[b >>> 16 & 0xff] << 16 | box[c >>> 8 & 0xff] << 8 | box[d & 0xff];
    }

    private static int subWord(int w) {
        return lastRound(SBOX, w, w, w, w);
    }

    /** Multiplication by x in GF(2^8). */
    private static int xtime(int b) {
        return (b << 1 ^ ((b >>> 7) * 0x11b)) & 0xff;
    }

    /** Multiplication in GF(2^8) (class init only). */
    private static int mul(int a, int b) {
        int p = 0;
        for (; b != 0; b >>>= 1, a = xtime(a)) {
            if ((b & 1) != 0) {
                p ^= a;
            }
        }
        return p;
    }

    private static int rotl8(int b, int n) {
        return (b << n | b >>> (8 - n)) & 0xff;
    }
}
