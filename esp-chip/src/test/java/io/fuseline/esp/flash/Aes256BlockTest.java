package io.fuseline.esp.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The package's own AES-256 block: FIPS-197's known answer, and the same bytes as the JDK's AES for any key. */
class Aes256BlockTest {
    private static final HexFormat HEX = HexFormat.of();

    /** FIPS-197 Appendix C.3, AES-256. */
    @Test
    void fips197AppendixC3BothWays() {
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] plaintext = HEX.parseHex("00112233445566778899aabbccddeeff");
        byte[] ciphertext = HEX.parseHex("8ea2b7ca516745bfeafc49904b496089");
        Aes256Block aes = new Aes256Block();
        aes.setKey(key);
        byte[] out = new byte[16];
        aes.encryptBlock(plaintext, 0, out, 0);
        assertThat(out).isEqualTo(ciphertext);
        aes.decryptBlock(ciphertext, 0, out, 0);
        assertThat(out).isEqualTo(plaintext);
    }

    @Property(tries = 2000)
    void matchesJceForRandomKeysAndBlocks(@ForAll @Size(32) byte[] key, @ForAll @Size(16) byte[] block)
            throws GeneralSecurityException {
        Aes256Block aes = new Aes256Block();
        aes.setKey(key);
        byte[] out = new byte[16];
        aes.encryptBlock(block, 0, out, 0);
        assertThat(out).isEqualTo(jce(Cipher.ENCRYPT_MODE, key, block));
        aes.decryptBlock(block, 0, out, 0);
        assertThat(out).isEqualTo(jce(Cipher.DECRYPT_MODE, key, block));
    }

    /**
     * One instance re-keyed many times, the way the ESP32 mode uses it: decryption after a re-key must use
     * the new key's schedule, never a stale one; offsets and in-place calls work.
     */
    @Property(tries = 20)
    void reKeyingOneInstanceMatchesJce(@ForAll long seed, @ForAll @IntRange(max = 15) int off)
            throws GeneralSecurityException {
        Random random = new Random(seed);
        Aes256Block aes = new Aes256Block();
        byte[] key = new byte[32];
        byte[] block = new byte[16];
        byte[] buf = new byte[off + 16];
        for (int i = 0; i < 200; i++) {
            random.nextBytes(key);
            random.nextBytes(block);
            aes.setKey(key);
            boolean decryptFirst = random.nextBoolean();
            for (int mode : decryptFirst ? new int[] {Cipher.DECRYPT_MODE, Cipher.ENCRYPT_MODE}
                                         : new int[] {Cipher.ENCRYPT_MODE, Cipher.DECRYPT_MODE}) {
                System.arraycopy(block, 0, buf, off, 16);
                if (mode == Cipher.ENCRYPT_MODE) {
                    aes.encryptBlock(buf, off, buf, off);
                } else {
                    aes.decryptBlock(buf, off, buf, off);
                }
                assertThat(Arrays.copyOfRange(buf, off, off + 16)).isEqualTo(jce(mode, key, block));
            }
        }
    }

    /** Looks at every instance {@code int[]} (the key schedules) rather than trusting the method's name. */
    @Test
    void clearZeroizesBothSchedules() throws IllegalAccessException {
        Aes256Block aes = new Aes256Block();
        aes.setKey(HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
        aes.decryptBlock(new byte[16], 0, new byte[16], 0); // derives the decryption schedule too
        assertThat(schedules(aes)).hasSize(2)
                .allSatisfy(words -> assertThat(Arrays.stream(words).anyMatch(w -> w != 0)).isTrue());
        aes.clear();
        assertThat(schedules(aes)).allSatisfy(words -> assertThat(words).containsOnly(0));
    }

    @Test
    void refusesKeysOtherThan32Bytes() {
        assertThatThrownBy(() -> new Aes256Block().setKey(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes");
    }

    private static List<int[]> schedules(Aes256Block aes) throws IllegalAccessException {
        List<int[]> arrays = new ArrayList<>();
        for (Field f : Aes256Block.class.getDeclaredFields()) {
            if (f.getType() == int[].class && !Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                arrays.add((int[]) f.get(aes));
            }
        }
        return arrays;
    }

    private static byte[] jce(int mode, byte[] key, byte[] block) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"));
        return cipher.doFinal(block);
    }
}
