package io.fuseline.orchestrator.recipe;

import io.fuseline.esp.ChipFamily;
import io.fuseline.schemas.message.ChipRevision;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to provision one product: read from a JSON file ({@code docs/recipes.md}) and validated by
 * {@link RecipeReader} before anything uses it. {@code secureBoot} is null when the product does not use Secure
 * Boot V2.
 */
public record Recipe(String id, ChipFamily chip, ChipRevision minRevision, Firmware firmware,
                     FlashEncryption flashEncryption, SecureBoot secureBoot, SecurityProfile profile,
                     List<EfuseSetting> efuses, NvsTemplate nvs, boolean deviceIdentity, KeyPolicy keyPolicy) {
    public Recipe {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chip, "chip");
        efuses = List.copyOf(efuses);
    }

    /** Whether a unit of this revision may be built with this recipe. */
    public boolean accepts(ChipRevision revision) {
        return revision.major() > minRevision.major()
                || revision.major() == minRevision.major() && revision.minor() >= minRevision.minor();
    }

    /** The firmware release: its version text, whether its images are Secure Boot V2 signed, and the images. */
    public record Firmware(String release, boolean secureBootSigned, List<Image> images) {
        public Firmware {
            images = List.copyOf(images);
        }
    }

    /**
     * One image at a flash address with the SHA-256 (lowercase hex) of its plaintext; {@code encrypted} says whether
     * it is written under the flash-encryption key (an NVS partition is not: it has its own encryption).
     */
    public record Image(String name, long address, String sha256, long sizeBytes, boolean encrypted) {
    }

    /** Flash encryption: key size in bits and the key block(s) the key goes into (two for XTS-AES-256). */
    public record FlashEncryption(int keySizeBits, List<String> keyBlocks) {
        public FlashEncryption {
            keyBlocks = List.copyOf(keyBlocks);
        }
    }

    /** Secure Boot V2: the key block for the public-key digest, and the digest (SHA-256 hex). */
    public record SecureBoot(String keyBlock, String keyDigest) {
    }

    /** One extra security eFuse to burn, and whether to write-protect it afterwards. */
    public record EfuseSetting(String field, long value, boolean writeProtect) {
    }

    /**
     * The unit's own NVS partition: where it goes ({@code address}, {@code sizeBytes} in bytes), its namespace and
     * entries, whose values may use the placeholders {@link #PLACEHOLDERS} (rendered per unit by
     * {@link NvsRenderer}, in the order given). When {@code encrypted}, the partition is NVS-encrypted with a
     * per-device NVS key whose {@code nvs_keys} partition goes at {@code keysAddress} (null otherwise).
     */
    public record NvsTemplate(String namespace, boolean encrypted, long address, long sizeBytes, Long keysAddress,
                              Map<String, String> entries) {
        public static final List<String> PLACEHOLDERS = List.of("mac", "chip", "lot", "workOrder", "recipe");

        public NvsTemplate {
            // Order is kept: it is the order the entries are written in, and part of the partition's digest.
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }
    }

    /**
     * The flash-encryption mode and the eFuse profile that goes with it. DEVELOPMENT sets one bit of the
     * flash-crypt counter (it can be turned off again, and download mode may still write plaintext); RELEASE sets
     * every bit and must disable encrypted writes from download mode.
     */
    public enum SecurityProfile { DEVELOPMENT, RELEASE }

    /** What the vault does with its copies of the unit's keys once they are burned. */
    public enum KeyPolicy { DESTROY, ESCROW }
}
