package io.fuseline.esp.efuse;

/**
 * Why a burn was refused, with a stable code (EFUSE-1xx). Every reason is fatal for the unit: retrying the same
 * burn on the same chip gives the same answer.
 */
public enum RefusalReason {
    UNKNOWN_NAME("EFUSE-101", "no such eFuse field or block on this chip"),
    WRITE_PROTECTED("EFUSE-102", "is write-protected; burn is not possible"),
    READ_PROTECTED("EFUSE-103", "is read-protected; a burn could damage the value that is already written"),
    BITS_CANNOT_BE_CLEARED("EFUSE-104", "new value would clear bits that are already burned"),
    RS_BLOCK_ALREADY_WRITTEN("EFUSE-105", "already holds data; Reed-Solomon coding does not allow adding bits"),
    CODING34_CHUNK_ALREADY_WRITTEN("EFUSE-106", "a 6-byte chunk already holds other data; 3/4 coding forbids it"),
    XTS_KEY_IN_KEY_PURPOSE_5("EFUSE-107", "BLOCK_KEY5 cannot hold an XTS-AES key on the ESP32-S3 (hardware bug)"),
    PURPOSE_NOT_AVAILABLE("EFUSE-108", "key purpose is not available on this chip or block"),
    WRONG_LENGTH("EFUSE-109", "value has the wrong length for this field or block"),
    VALUE_NOT_ACCEPTED("EFUSE-110", "value is not accepted (a bool takes 1, a uint must not be 0, and must fit)"),
    NOT_BURNABLE("EFUSE-111", "cannot be burned or protected this way"),
    NO_FREE_KEY_BLOCK("EFUSE-112", "XTS_AES_256_KEY needs a second free key block and none is left"),
    CODING_SCHEME_UNSUPPORTED("EFUSE-113", "the block's coding scheme does not allow this burn");

    private final String code;
    private final String text;

    RefusalReason(String code, String text) {
        this.code = code;
        this.text = text;
    }

    public String code() { return code; }

    public String text() { return text; }
}
