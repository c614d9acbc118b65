package io.fuseline.station.sim;

import io.fuseline.station.protocol.Opcode;
import io.fuseline.station.protocol.Response;
import io.fuseline.station.protocol.RomError;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One ROM download-mode session of a {@link VirtualChip}, packet in, packets out: no I/O here, so the same code
 * answers a TCP client, a pty and a transcript replay. Speaks the ESP32-family ROM dialect: four status bytes,
 * eight answers to SYNC, MD5 as 32 lowercase hex characters, READ_FLASH_SLOW always 64 bytes, and commands it does
 * not offer (stub commands, MEM_* as no code can run here, GET_SECURITY_INFO on the ESP32) refused with the
 * request's op and "invalid message", as the recorded ESP32 answered.
 *
 * <p>Not thread-safe: one connection drives one session.
 */
public final class RomSession {

    /** Value field of the ROM's SYNC answer; non-zero tells esptool it talks to a ROM, not a stub. */
    static final int SYNC_VALUE = 0x55201207;
    static final int SYNC_ANSWERS = 8;

    /**
     * What to do after a request.
     *
     * @param packets    answers to send, unframed, in order
     * @param disconnect close the connection instead of (after) answering
     * @param newBaud    switch the line to this rate after sending the answers
     */
    public record Reply(List<byte[]> packets, boolean disconnect, OptionalInt newBaud) {
        static Reply of(byte[]... packets) {
            return new Reply(List.of(packets), false, OptionalInt.empty());
        }
    }

    private final VirtualChip chip;
    private final SimRegisters regs;
    private final RomFlashCommands flashCommands;

    RomSession(VirtualChip chip) {
        this.chip = chip;
        this.regs = new SimRegisters(chip, JigConfig.ROM_BAUD);
        this.flashCommands = new RomFlashCommands(chip);
    }

    /** Handles one decoded request frame; malformed frames get no answer, as the ROM drops them. */
    public Reply handle(byte[] frame) {
        if (frame.length < 8 || frame[0] != 0) {
            return Reply.of();
        }
        int code = frame[1] & 0xFF;
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int length = b.getShort(2) & 0xFFFF;
        int checksum = b.getInt(4);
        if (length != frame.length - 8) {
            return Reply.of();
        }
        Optional<Opcode> op = Opcode.fromCode(code);
        if (op.isEmpty()) {
            return Reply.of(fail(code, RomError.INVALID_MESSAGE));
        }
        FaultPlan faults = chip.faults();
        int occurrence = faults.countRequest(op.get());
        if (faults.disconnect(op.get(), occurrence)) {
            return new Reply(List.of(), true, OptionalInt.empty());
        }
        byte[] data = Arrays.copyOfRange(frame, 8, frame.length);
        if (faults.corruptRequest(op.get(), occurrence) && data.length > 16) {
            data[data.length - 1] ^= 0x5A;
        }
        return dispatch(op.get(), data, checksum, occurrence);
    }

    private Reply dispatch(Opcode op, byte[] data, int checksum, int occurrence) {
        ByteBuffer d = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        switch (op) {
            case SYNC:
                return sync(data, occurrence);
            case READ_REG:
                return data.length < 4 ? Reply.of(fail(op, RomError.INVALID_MESSAGE))
                        : Reply.of(ok(op, regs.read(d.getInt(0))));
            case WRITE_REG:
                return writeReg(d, data.length);
            case SPI_ATTACH:
            case SPI_SET_PARAMS:
                return Reply.of(ok(op, 0));
            case CHANGE_BAUDRATE: {
                int baud = d.getInt(0);
                regs.setBaud(baud);
                return new Reply(List.of(ok(op, 0)), false, OptionalInt.of(baud));
            }
            case GET_SECURITY_INFO:
                return Reply.of(SecurityInfoAnswer.of(chip).map(p -> ok(op, 0, p))
                        .orElseGet(() -> fail(op, RomError.INVALID_MESSAGE)));
            case FLASH_BEGIN, FLASH_DATA, FLASH_END, FLASH_DEFL_BEGIN, FLASH_DEFL_DATA, FLASH_DEFL_END,
                    SPI_FLASH_MD5, READ_FLASH_SLOW:
                return Reply.of(flashCommands.handle(op, d, data.length, checksum));
            default:
                return Reply.of(fail(op, RomError.INVALID_MESSAGE));
        }
    }

    private Reply sync(byte[] data, int occurrence) {
        if (data.length != 36 || chip.faults().ignoreSync(occurrence)) {
            return Reply.of();
        }
        List<byte[]> answers = new ArrayList<>(SYNC_ANSWERS);
        for (int i = 0; i < SYNC_ANSWERS; i++) {
            answers.add(ok(Opcode.SYNC, SYNC_VALUE));
        }
        return new Reply(answers, false, OptionalInt.empty());
    }

    private Reply writeReg(ByteBuffer d, int length) {
        if (length == 0 || length % 16 != 0) {
            return Reply.of(fail(Opcode.WRITE_REG, RomError.INVALID_MESSAGE));
        }
        for (int at = 0; at < length; at += 16) {
            regs.write(d.getInt(at), d.getInt(at + 4), d.getInt(at + 8));
        }
        return Reply.of(ok(Opcode.WRITE_REG, 0));
    }

    static byte[] ok(Opcode op, int value, byte... payload) {
        byte[] data = new byte[payload.length + 4];
        System.arraycopy(payload, 0, data, 0, payload.length);
        return new Response(op.code(), value, data).packet();
    }

    static byte[] fail(Opcode op, RomError error) {
        return fail(op.code(), error);
    }

    static byte[] fail(int code, RomError error) {
        return new Response(code, 0, new byte[] {1, (byte) error.code(), 0, 0}).packet();
    }
}
