package io.fuseline.schemas.message;

import io.fuseline.esp.efuse.KeyPurpose;
import java.util.Objects;

/**
 * What a unit's key block looked like when it was identified. {@code block} is the espefuse field name
 * ({@code BLOCK_KEY0}..{@code BLOCK_KEY5} on S3/C3, {@code BLOCK1}/{@code BLOCK2} on the ESP32); the purpose is
 * the one burned in KEY_PURPOSE_n (or the fixed purpose of the ESP32 block). A programmed block is never rewritten.
 */
public record KeyBlockState(String block, KeyPurpose purpose, boolean programmed, boolean readProtected,
                            boolean writeProtected) {
    public KeyBlockState {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(purpose, "purpose");
    }
}
