package io.fuseline.deploy.demo;

import io.fuseline.esp.ChipFamily;
import io.fuseline.esp.image.AppDescriptor;
import io.fuseline.esp.image.AppImageWriter;
import io.fuseline.esp.image.ImageChip;
import io.fuseline.esp.image.ImageSpec;
import io.fuseline.esp.partition.PartitionEntry;
import io.fuseline.esp.partition.PartitionTable;
import io.fuseline.esp.partition.PartitionTypes;
import io.fuseline.esp.secureboot.SignedImage;
import io.fuseline.esp.secureboot.Signer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo line's firmware release for one chip family: a bootloader, a partition table with {@code nvs},
 * {@code nvs_keys} and a factory app, and the app itself, all made by esp-chip, with bootloader and app signed for
 * Secure Boot V2. The images are valid esptool images that carry no real code: they exist to be provisioned,
 * verified and decrypted back, not to boot.
 */
public final class DemoRelease {
    /** Where the partition table lives on every ESP32-family chip (ESP-IDF's default). */
    public static final long PARTITION_TABLE_ADDRESS = PartitionTable.DEFAULT_OFFSET;
    public static final long NVS_ADDRESS = 0x9000;
    public static final long NVS_SIZE = 0x6000;
    public static final long NVS_KEYS_ADDRESS = 0xF000;
    public static final long NVS_KEYS_SIZE = 0x1000;
    public static final long APP_ADDRESS = 0x10000;
    public static final long APP_PARTITION_SIZE = 0x100000;

    private final ChipFamily chip;
    private final String version;
    private final int appPayloadBytes;

    /**
     * @param appPayloadBytes size of the app's filler segment, so that flashing it takes a measurable time on a
     *                        baud-limited virtual jig (deterministic bytes: releases are reproducible)
     */
    public DemoRelease(ChipFamily chip, String version, int appPayloadBytes) {
        if (appPayloadBytes < 0 || appPayloadBytes > APP_PARTITION_SIZE / 2) {
            throw new IllegalArgumentException("app payload of " + appPayloadBytes + " bytes does not fit the demo "
                    + "app partition");
        }
        this.chip = chip;
        this.version = version;
        this.appPayloadBytes = appPayloadBytes;
    }

    /** Builds the three images, signing bootloader and app with {@code signer}. */
    public List<ReleaseImage> build(Signer signer) {
        ImageChip imageChip = ImageChip.of(chip);
        byte[] bootloader = AppImageWriter.write(ImageSpec.minimalApp(imageChip,
                AppDescriptor.of("fuseline-demo-bootloader", version, 0)));
        ImageSpec appSpec = ImageSpec.minimalApp(imageChip, AppDescriptor.of("fuseline-demo", version, 1));
        List<ImageSpec.Segment> segments = new ArrayList<>(appSpec.segments());
        if (appPayloadBytes > 0) {
            byte[] payload = new byte[appPayloadBytes];
            new Random(version.hashCode() * 31L + chip.ordinal()).nextBytes(payload);
            segments.add(new ImageSpec.Segment(imageChip.iramStart(), payload));
        }
        byte[] app = AppImageWriter.write(appSpec.withSegments(segments));
        return List.of(
                new ReleaseImage("bootloader", imageChip.bootloaderOffset(), SignedImage.sign(bootloader, List.of(signer)),
                        true),
                new ReleaseImage("partition-table", PARTITION_TABLE_ADDRESS, partitionTable().toBytes(), true),
                new ReleaseImage("app", APP_ADDRESS, SignedImage.sign(app, List.of(signer)), true));
    }

    /** nvs (plain: NVS encryption is its own), nvs_keys (flash-encrypted, as ESP-IDF requires), factory app. */
    public static PartitionTable partitionTable() {
        return new PartitionTable(List.of(
                PartitionEntry.of("nvs", PartitionTypes.DATA, PartitionTypes.DATA_NVS, NVS_ADDRESS, NVS_SIZE,
                        false, false),
                PartitionEntry.of("nvs_keys", PartitionTypes.DATA, PartitionTypes.DATA_NVS_KEYS, NVS_KEYS_ADDRESS,
                        NVS_KEYS_SIZE, true, false),
                PartitionEntry.of("factory", PartitionTypes.APP, PartitionTypes.APP_FACTORY, APP_ADDRESS,
                        APP_PARTITION_SIZE, false, false)));
    }

    public ChipFamily chip() {
        return chip;
    }

    public String version() {
        return version;
    }
}
