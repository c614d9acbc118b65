package io.fuseline.orchestrator.recipe;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.efuse.EfuseField;
import io.fuseline.esp.efuse.EfuseFieldCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a recipe must satisfy beyond its shape, each rule the reason a unit would otherwise be bricked or left
 * insecure: images that fit and do not overlap, a key size the chip supports in key blocks that exist, Secure Boot
 * only over signed firmware, a release profile that really locks the unit down, and an NVS template every unit's
 * partition can be rendered from ({@link NvsTemplateRules}).
 */
final class RecipeRules {
    /** esptool writes whole 4 KiB sectors; an unaligned image would erase the end of the one before it. */
    private static final long SECTOR = 0x1000;
    /** espefuse key blocks are 256 bits; anything of 128 bits or more is key-sized. */
    private static final int KEY_BLOCK_BITS = 128;
    private static final String ESP32_TWEAK_FIELD = "FLASH_CRYPT_CONFIG";
    private static final long ESP32_TWEAK_ALL = 0xF;

    private final Recipe r;
    private final JsonFields f;
    private final EfuseFieldCatalog catalog;
    private final ChipSecurity security;

    RecipeRules(Recipe recipe, JsonFields fields) {
        this.r = recipe;
        this.f = fields;
        this.catalog = EfuseFieldCatalog.of(recipe.chip());
        this.security = ChipSecurity.of(recipe.chip());
    }

    void check() {
        images();
        Set<String> keyBlocks = new HashSet<>();
        flashEncryption(keyBlocks);
        secureBoot(keyBlocks);
        efuses();
        new NvsTemplateRules(r, f).check();
    }

    private void images() {
        List<Recipe.Image> images = r.firmware().images();
        if (images.isEmpty()) {
            f.problem("/firmware/images", "must list at least one image");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < images.size(); i++) {
            Recipe.Image img = images.get(i);
            String at = "/firmware/images/" + i;
            require(names.add(img.name()), at + "/name", "image '" + img.name() + "' is listed twice");
            require(img.address() >= 0 && img.address() % SECTOR == 0, at + "/address", "must be 4 KiB aligned");
            require(img.sizeBytes() > 0, at + "/sizeBytes", "must be positive");
            require(RecipeReader.SHA256.matcher(img.sha256()).matches(), at + "/sha256",
                    "must be 64 lowercase hex digits");
            for (int j = 0; j < i; j++) {
                Recipe.Image o = images.get(j);
                require(img.address() >= o.address() + o.sizeBytes() || o.address() >= img.address() + img.sizeBytes(),
                        at + "/address", "overlaps image '" + o.name() + "'");
            }
        }
    }

    private void flashEncryption(Set<String> keyBlocks) {
        Recipe.FlashEncryption fe = r.flashEncryption();
        var purposes = security.flashKeyPurposes().get(fe.keySizeBits());
        if (purposes == null) {
            f.problem("/flashEncryption/keySizeBits", r.chip().toolName() + " supports "
                    + new java.util.TreeSet<>(security.flashKeyPurposes().keySet()) + " bits");
            return;
        }
        require(fe.keyBlocks().size() == purposes.size(), "/flashEncryption/keyBlocks", "a " + fe.keySizeBits()
                + "-bit key on " + r.chip().toolName() + " takes " + purposes.size() + " key block(s)");
        for (int i = 0; i < fe.keyBlocks().size(); i++) {
            keyBlock(fe.keyBlocks().get(i), "/flashEncryption/keyBlocks/" + i, keyBlocks);
        }
        if (r.chip() == ChipFamily.ESP32) {
            // The ESP32's flash cipher tweaks the key by FLASH_CRYPT_CONFIG; a blank field means no tweak. The station
            // encrypts with all four tweak bits (what ESP-IDF burns), so a unit without them could not read its flash.
            boolean tweak = r.efuses().stream().anyMatch(e -> e.field().equals(ESP32_TWEAK_FIELD)
                    && e.value() == ESP32_TWEAK_ALL);
            require(tweak, "/efuses", "flash encryption on esp32 needs " + ESP32_TWEAK_FIELD + " = 0xF in the list of "
                    + "eFuses to burn (the station encrypts with that tweak)");
        }
    }

    private void secureBoot(Set<String> keyBlocks) {
        Recipe.SecureBoot sb = r.secureBoot();
        if (sb == null) {
            return;
        }
        require(r.firmware().secureBootSigned(), "/secureBoot",
                "Secure Boot over unsigned firmware (/firmware/secureBootSigned false) would never boot");
        keyBlock(sb.keyBlock(), "/secureBoot/keyBlock", keyBlocks);
        require(RecipeReader.SHA256.matcher(sb.keyDigest()).matches(), "/secureBoot/keyDigest",
                "must be 64 lowercase hex digits");
        require(burns(security.secureBootEnable()), "/efuses", "Secure Boot needs " + security.secureBootEnable()
                + " in the list of eFuses to burn");
    }

    private void efuses() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.efuses().size(); i++) {
            Recipe.EfuseSetting e = r.efuses().get(i);
            String at = "/efuses/" + i;
            Optional<EfuseField> field = catalog.field(e.field());
            if (field.isEmpty()) {
                f.problem(at + "/field", "'" + e.field() + "' is not an eFuse field of " + r.chip().toolName());
                continue;
            }
            EfuseField ef = field.get();
            require(seen.add(ef.name()), at + "/field", ef.name() + " is listed twice");
            require(ef.bitLength() < KEY_BLOCK_BITS, at + "/field", "key blocks come from flashEncryption/secureBoot");
            require(!ef.name().equals(security.cryptCounter()), at + "/field", ef.name()
                    + " is set from /profile (development: one bit, release: all bits)");
            require(e.value() > 0 && (ef.bitLength() >= 63 || e.value() < (1L << ef.bitLength())), at + "/value",
                    "must be positive and fit the " + ef.bitLength() + " bits of " + ef.name());
        }
        boolean locksDownload = burns(security.disableDownloadEncrypt());
        switch (r.profile()) {
            case RELEASE -> require(locksDownload, "/efuses", "a release profile must burn "
                    + security.disableDownloadEncrypt() + " (download mode could otherwise write with the key)");
            case DEVELOPMENT -> require(!locksDownload, "/efuses", "a development profile must not burn "
                    + security.disableDownloadEncrypt() + " (it would stop re-flashing in development)");
        }
    }

    private void keyBlock(String name, String at, Set<String> used) {
        Optional<EfuseField> field = catalog.field(name);
        if (field.isEmpty() || field.get().bitLength() < KEY_BLOCK_BITS) {
            f.problem(at, "'" + name + "' is not a key block of " + r.chip().toolName());
            return;
        }
        require(used.add(field.get().name()), at, field.get().name() + " is used twice");
    }

    private boolean burns(String fieldName) {
        return r.efuses().stream().anyMatch(e -> catalog.field(e.field()).map(x -> x.name().equals(fieldName))
                .orElse(false));
    }

    private void require(boolean ok, String at, String reason) {
        if (!ok) {
            f.problem(at, reason);
        }
    }
}
