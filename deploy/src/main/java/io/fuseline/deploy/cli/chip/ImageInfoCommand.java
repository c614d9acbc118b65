package io.fuseline.deploy.cli.chip;

import io.fuseline.esp.image.ImageInfo;
import io.fuseline.esp.image.ImageInfoText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code image-info}: the facts esptool's image_info prints, in the same words, for review and diffing. */
@Command(name = "image-info", mixinStandardHelpOptions = true,
        description = "Print an app or bootloader image's header, segments, checksum, SHA-256 and app description, "
                + "as esptool image-info does.")
final class ImageInfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--version", paramLabel = "1|2", defaultValue = "2",
            description = "Output format of esptool image-info (default: ${DEFAULT-VALUE}).")
    int version;

    @Parameters(index = "0", paramLabel = "FILE", description = "The image file.")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("--version is 1 or 2, got " + version);
        }
        byte[] bytes = Files.readAllBytes(file);
        ImageInfo info = ImageInfo.of(bytes);
        spec.commandLine().getOut().print(version == 1 ? ImageInfoText.v1(info) : ImageInfoText.v2(info));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
