package io.fuseline.station.job;

import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.FlashImage;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.StepKind;
import io.fuseline.schemas.message.UnitNvs;
import io.fuseline.esp.secureboot.SignedImage;
import io.fuseline.esp.secureboot.Verification;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that run before the unit is touched: every image of the job is fetched, its SHA-256 must equal the
 * job's digest (and every flash step's; a step writing the unit's own NVS partition must name the digest of the
 * job's description of it), and when the job burns a Secure Boot V2 digest every signed image must carry a
 * signature block that verifies with a key of that digest (as the chip will check at boot). Stateless.
 */
final class JobPreflight {

    private final ImageStore store;
    private final Set<String> signedImages;

    JobPreflight(ImageStore store, Set<String> signedImages) {
        this.store = store;
        this.signedImages = Set.copyOf(signedImages);
    }

    /** The verified plaintext images by name; a failure names the first step that uses the culprit. */
    Map<String, byte[]> images(ProvisionJob job) throws NumberedFailure {
        List<byte[]> keyDigests = job.steps().stream().filter(s -> s.kind() == StepKind.BURN_SECURE_BOOT_DIGEST)
                .map(s -> HexFormat.of().parseHex(s.params().keyDigest())).toList();
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (FlashImage image : job.images()) {
            int step = firstStepUsing(job, image.name());
            try {
                byte[] bytes = fetch(image);
                if (!keyDigests.isEmpty() && signedImages.contains(image.name())) {
                    checkSignature(image, bytes, keyDigests);
                }
                images.put(image.name(), bytes);
            } catch (StepFailure f) {
                throw new NumberedFailure(step, f);
            }
        }
        for (JobStep s : job.steps()) {
            if (s.params().image() != null) {
                String expected = expectedDigest(job, s.params().image());
                if (expected == null || !expected.equals(s.params().imageDigest())) {
                    throw new NumberedFailure(s.number(), new StepFailure(FailureReason.DIGEST_MISMATCH,
                            s.params().imageDigest(), expected == null ? "no such image in the job" : expected,
                            "step " + s.number() + " names image " + s.params().image()
                                    + " with another digest than the job's image list or NVS description"));
                }
            }
        }
        return images;
    }

    /**
     * What a flash step of {@code image} must name: the release image's SHA-256, or for the unit's own partitions
     * the digest of the job's description of them (their bytes are built here, from keys no one else sees).
     */
    private static String expectedDigest(ProvisionJob job, String image) {
        if (job.nvs() != null && UnitNvs.isPartitionImage(image)) {
            return job.nvs().digest();
        }
        return job.images().stream().filter(i -> i.name().equals(image)).map(FlashImage::sha256).findFirst()
                .orElse(null);
    }

    private byte[] fetch(FlashImage image) throws StepFailure {
        byte[] bytes;
        try {
            bytes = store.fetch(image.sha256()).orElseThrow(() -> new StepFailure(FailureReason.DIGEST_MISMATCH,
                    image.sha256(), "absent", "image " + image.name() + " is not in the artifact store"));
        } catch (IOException e) {
            throw StepFailure.of(FailureReason.INTERNAL, "cannot read image " + image.name() + ": " + e.getMessage());
        }
        String actual = sha256(bytes);
        if (!actual.equals(image.sha256())) {
            throw new StepFailure(FailureReason.DIGEST_MISMATCH, image.sha256(), actual,
                    "image " + image.name() + " does not have the job's SHA-256");
        }
        return bytes;
    }

    private static void checkSignature(FlashImage image, byte[] bytes, List<byte[]> keyDigests) throws StepFailure {
        Verification v;
        try {
            v = SignedImage.verifyAgainstKeyDigests(bytes, keyDigests);
        } catch (RuntimeException e) {
            v = new Verification.NotVerified(e.getMessage());
        }
        if (!v.ok()) {
            throw StepFailure.of(FailureReason.SIGNATURE_INVALID, "image " + image.name()
                    + " has no Secure Boot V2 signature by the job's key digest: " + v);
        }
    }

    private static int firstStepUsing(ProvisionJob job, String image) {
        return job.steps().stream().filter(s -> image.equals(s.params().image())).mapToInt(JobStep::number)
                .findFirst().orElse(1);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A preflight failure attributed to a step number. */
    static final class NumberedFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final int step;
        private final transient StepFailure failure;

        NumberedFailure(int step, StepFailure failure) {
            super(failure.getMessage(), null, false, false);
            this.step = step;
            this.failure = failure;
        }

        int step() { return step; }

        StepFailure failure() { return failure; }
    }
}
