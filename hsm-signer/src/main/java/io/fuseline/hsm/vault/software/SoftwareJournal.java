package io.fuseline.hsm.vault.software;

import io.fuseline.hsm.vault.KeyLabel;
import io.fuseline.hsm.vault.VaultError;
import io.fuseline.hsm.vault.VaultException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The software token's append-only journal beside its PKCS#12 snapshot ({@code vault.p12.journal}): every change is
 * one AES-256-GCM record appended and forced to disk, instead of re-encrypting and rewriting the whole key store
 * (whose PKCS#12 entries each cost a PBKDF2 run). Opening replays the journal on top of the snapshot; compaction
 * folds it into a new snapshot.
 *
 * <p>Format: header {@code "FLVJ" | version 1 | salt (16) | PBKDF2 iterations (int)}; then records
 * {@code length (int) | nonce (12) | GCM(ciphertext || tag)}, the AAD being the header and the record's sequence
 * number, so records cannot be reordered, dropped from the middle or moved to another journal. The key is
 * PBKDF2-HMAC-SHA256 of the password, derived once per open. A torn last record (shorter than its length says: a
 * crash mid-append) is cut off; a complete record that fails to decrypt makes the open fail. A record is a put (the whole stored key) or a
 * remove (the label); replaying a journal twice gives the same state, which makes compaction crash-safe.
 * Not thread-safe: {@link SoftwareKeyVault} serialises access.
 */
final class SoftwareJournal implements AutoCloseable {
    private static final byte[] MAGIC = "FLVJ".getBytes(StandardCharsets.US_ASCII);
    private static final int ITERATIONS = 100_000;
    private static final int NONCE = 12;
    private static final int HEADER = MAGIC.length + 1 + 16 + 4;
    private static final byte PUT = 1;
    private static final byte REMOVE = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One replayed change: a key stored, or (key null) a label removed. */
    record Change(KeyLabel label, StoredKey key) {
    }

    private final Path file;
    private final byte[] header;
    private final SecretKey key;
    private final FileChannel channel;
    private long sequence;

    private SoftwareJournal(Path file, byte[] header, SecretKey key, FileChannel channel, long sequence) {
        this.file = file;
        this.header = header;
        this.key = key;
        this.channel = channel;
        this.sequence = sequence;
    }

    /** Opens the journal at {@code file} (creating it if absent) and hands every change in it to {@code replay}. */
    static SoftwareJournal open(Path file, char[] password, java.util.function.Consumer<Change> replay) {
        try {
            if (!Files.exists(file) || Files.size(file) < HEADER) {
                return create(file, password);
            }
            byte[] all = Files.readAllBytes(file);
            byte[] header = Arrays.copyOf(all, HEADER);
            if (!Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC) || header[MAGIC.length] != 1) {
                throw io("the journal " + file + " is not a Fuseline vault journal", null);
            }
            ByteBuffer h = ByteBuffer.wrap(header, MAGIC.length + 1, 20);
            byte[] salt = new byte[16];
            h.get(salt);
            SecretKey key = derive(password, salt, h.getInt());
            ByteBuffer records = ByteBuffer.wrap(all, HEADER, all.length - HEADER);
            long sequence = 0;
            long validEnd = HEADER;
            while (records.remaining() >= 4) {
                int length = records.getInt();
                if (length < NONCE + 16 || length > records.remaining()) {
                    break; // torn last record
                }
                byte[] sealed = new byte[length];
                records.get(sealed);
                byte[] plain;
                try {
                    plain = crypt(Cipher.DECRYPT_MODE, key, header, sequence, sealed);
                } catch (GeneralSecurityException e) {
                    throw io("the journal " + file + " fails its integrity check at record " + sequence
                            + " (wrong password or altered file)", null);
                }
                replay.accept(decode(plain));
                Arrays.fill(plain, (byte) 0);
                sequence++;
                validEnd = records.position();
            }
            Arrays.fill(all, (byte) 0);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
            channel.truncate(validEnd);
            channel.position(validEnd);
            return new SoftwareJournal(file, header, key, channel, sequence);
        } catch (IOException | GeneralSecurityException e) {
            throw io("cannot open the journal " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Records {@code key} as stored (a new key, or a new certificate beside one). Durable when this returns. */
    void put(StoredKey key) {
        append(encode(PUT, key.label(), key));
    }

    /** Records that {@code label} was removed. Durable when this returns. */
    void remove(KeyLabel label) {
        append(encode(REMOVE, label, null));
    }

    /** How many records the journal holds. */
    long records() {
        return sequence;
    }

    /** Empties the journal after its changes went into a new snapshot; a fresh salt and key from then on. */
    SoftwareJournal reset(char[] password) {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw io("cannot reset the journal " + file + ": " + e.getClass().getSimpleName(), e);
        }
        return create(file, password);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a file we only appended to: nothing left to lose
        }
    }

    private void append(byte[] plain) {
        try {
            byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, header, sequence, plain);
            ByteBuffer record = ByteBuffer.allocate(4 + sealed.length).putInt(sealed.length).put(sealed).flip();
            while (record.hasRemaining()) {
                channel.write(record);
            }
            channel.force(false);
            sequence++;
        } catch (IOException | GeneralSecurityException e) {
            throw io("cannot append to the journal " + file + ": " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static SoftwareJournal create(Path file, char[] password) {
        try {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            byte[] header = ByteBuffer.allocate(HEADER).put(MAGIC).put((byte) 1).put(salt).putInt(ITERATIONS).array();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".fuseline-journal", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: rely on the directory's permissions
            }
            Files.write(tmp, header);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new SoftwareJournal(file, header, derive(password, salt, ITERATIONS), channel, 0);
        } catch (IOException | GeneralSecurityException e) {
            throw io("cannot create the journal " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static SecretKey derive(char[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            SecretKey key = new SecretKeySpec(k, "AES");
            Arrays.fill(k, (byte) 0);
            return key;
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] header, long sequence, byte[] input)
            throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] aad = ByteBuffer.allocate(header.length + 8).put(header).putLong(sequence).array();
        if (mode == Cipher.ENCRYPT_MODE) {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            gcm.init(mode, key, new GCMParameterSpec(128, nonce));
            gcm.updateAAD(aad);
            byte[] sealed = gcm.doFinal(input);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        }
        gcm.init(mode, key, new GCMParameterSpec(128, input, 0, NONCE));
        gcm.updateAAD(aad);
        return gcm.doFinal(input, NONCE, input.length - NONCE);
    }

    private static byte[] encode(byte op, KeyLabel label, StoredKey key) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(op);
            out.writeUTF(label.toString());
            if (key != null) {
                out.writeUTF(key.requestId());
                out.writeBoolean(key.local());
                writeBytes(out, key.value());
                writeBytes(out, key.publicKey());
                writeBytes(out, key.certificate());
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    private static Change decode(byte[] plain) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(plain))) {
            byte op = in.readByte();
            KeyLabel label = KeyLabel.parse(in.readUTF());
            if (op == REMOVE) {
                return new Change(label, null);
            }
            String requestId = in.readUTF();
            boolean local = in.readBoolean();
            return new Change(label, new StoredKey(label, requestId, readBytes(in), readBytes(in), readBytes(in), local));
        } catch (EOFException | IllegalArgumentException e) {
            throw io("a journal record is malformed", null);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static VaultException io(String message, Exception cause) {
        return new VaultException(VaultError.KEYSTORE_IO, null, message, cause);
    }
}
