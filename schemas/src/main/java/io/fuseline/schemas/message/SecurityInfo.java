package io.fuseline.schemas.message;

import java.util.List;

/**
 * The ROM loader's GET_SECURITY_INFO answer (S3/C3; the ESP32 ROM has no such command, so it is absent there):
 * the raw flags word, the flash-crypt counter and the seven 4-bit key purposes. {@code chipId} and
 * {@code apiVersion} are only sent by newer ROMs and may be null.
 */
public record SecurityInfo(long flags, int flashCryptCnt, List<Integer> keyPurposes, Integer chipId,
                           Integer apiVersion) {
    public SecurityInfo {
        keyPurposes = List.copyOf(keyPurposes);
    }
}
