package io.fuseline.station.ops;

import io.fuseline.esp.MacAddress;
import io.fuseline.esp.efuse.EfuseChip;
import io.fuseline.esp.efuse.EfuseDecoder;
import io.fuseline.esp.efuse.EfuseSummary;
import io.fuseline.esp.efuse.EfuseRegisters;
import io.fuseline.station.jig.ResetStrategy;
import io.fuseline.station.jig.Transport;
import io.fuseline.station.protocol.FlashMd5;
import io.fuseline.station.protocol.Requests;
import io.fuseline.station.protocol.SecurityInfo;
import io.fuseline.station.protocol.StatusDialect;
import io.fuseline.station.protocol.WriteRegister;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A session with one chip's ROM serial loader over a {@link Transport}: connect and detect first, then any of the
 * operations. Every call is bounded by the {@link LoaderSettings} timeouts; errors are {@link LoaderException}s
 * that say whether a retry (after {@link #connect}) may help.
 *
 * <p>Not thread-safe: one thread drives one chip. Closing the loader closes the transport.
 */
public final class RomLoader implements AutoCloseable {

    private final CommandChannel channel;
    private final LoaderSettings settings;
    private final ResetStrategy.Pause pause;
    private LoaderTarget target;
    private Optional<SecurityInfo> securityInfo = Optional.empty();
    private boolean spiAttached;
    /** The line rate this side believes the chip runs at; the ROM starts every session at 115200. */
    private int baud = ROM_BAUD;

    /** The ROM loader's line rate after reset. */
    public static final int ROM_BAUD = 115200;

    public RomLoader(Transport transport, LoaderSettings settings) {
        this(transport, settings, ResetStrategy.Pause.SLEEP);
    }

    public RomLoader(Transport transport, LoaderSettings settings, ResetStrategy.Pause pause) {
        this.channel = new CommandChannel(transport, settings);
        this.settings = settings;
        this.pause = pause;
    }

    /**
     * Resets (each attempt with the next strategy, cycling) and syncs, then detects the chip.
     *
     * @return the detected chip
     * @throws SyncFailedException      no SYNC answer in any attempt
     * @throws UnsupportedChipException not an ESP32, ESP32-S3 or ESP32-C3, or a running stub
     */
    public LoaderTarget connect(List<ResetStrategy> strategies) throws LoaderException, InterruptedException {
        Connector.ConnectResult r = new Connector(channel, settings, pause).connect(strategies);
        if (r.stubRunning()) {
            throw new UnsupportedChipException("the chip answers SYNC like esptool's flasher stub; this client"
                    + " speaks the ROM dialect only: reset the chip into its ROM loader");
        }
        spiAttached = false;
        ChipDetector.Detected d = new ChipDetector(channel).detect();
        target = d.target();
        securityInfo = d.securityInfo();
        return target;
    }

    /** {@link #connect(List)} without resetting (virtual jig, socket://, chip put into download mode by hand). */
    public LoaderTarget connect() throws LoaderException, InterruptedException {
        return connect(List.of(new ResetStrategy.NoReset()));
    }

    /** The chip found by {@link #connect}. */
    public LoaderTarget target() {
        if (target == null) {
            throw new IllegalStateException("not connected: call connect() first");
        }
        return target;
    }

    /** GET_SECURITY_INFO as read at connect; empty on the ESP32, whose ROM lacks the command. */
    public Optional<SecurityInfo> securityInfo() { return securityInfo; }

    public int readReg(int address) throws LoaderException {
        return channel.execute(Requests.readReg(address)).value();
    }

    public void writeReg(WriteRegister record) throws LoaderException {
        channel.execute(Requests.writeReg(record));
    }

    /** One WRITE_REG carrying several records, applied in order (e.g. a write followed by a pure delay). */
    public void writeReg(List<WriteRegister> records) throws LoaderException {
        channel.execute(Requests.writeReg(records));
    }

    public MacAddress readMac() throws LoaderException {
        return target().readMac(this::readReg);
    }

    public ChipRevision readRevision() throws LoaderException {
        return target().readRevision(this::readReg);
    }

    /** Reads the chip's whole eFuse register window, word by word (ESP32 72 reads, S3/C3 128). */
    public EfuseRegisters readEfuses() throws LoaderException {
        EfuseChip chip = target().efuse();
        int[] words = new int[chip.windowBytes() / 4];
        for (int i = 0; i < words.length; i++) {
            words[i] = readReg((int) chip.baseAddress() + 4 * i);
        }
        return EfuseRegisters.ofWords(chip, words);
    }

    /** Reads the eFuse window and decodes it with esp-chip (fields, key blocks, flash encryption, secure boot). */
    public EfuseSummary readEfuseSummary() throws LoaderException {
        return EfuseDecoder.decode(readEfuses());
    }

    /** SPI_ATTACH with the default pins; needed once per session before flash commands. */
    public void spiAttach() throws LoaderException {
        channel.execute(Requests.spiAttach(0, StatusDialect.ROM));
        spiAttached = true;
    }

    /** SPI_SET_PARAMS: tells the ROM the flash size, in bytes. */
    public void spiSetParams(int flashSizeBytes) throws LoaderException {
        channel.execute(Requests.spiSetParams(flashSizeBytes));
    }

    public FlashId readFlashId() throws LoaderException {
        ensureAttached();
        return new SpiFlashProbe(channel, target().spi()).readId();
    }

    /** Switches chip and port to {@code baud}; the chip answers at the old rate first. */
    public void changeBaudRate(int baud) throws LoaderException {
        new BaudRateChanger(channel, target()).change(baud);
        this.baud = baud;
    }

    /**
     * The line rate the host believes the chip runs at (115200 after reset, then what {@link #changeBaudRate} set).
     * espefuse derives the ESP32's crystal from it and UART_CLKDIV.
     */
    public int baudRate() { return baud; }

    /**
     * Tells the loader the rate the port was opened at when it is not 115200: the ROM detects the rate from the
     * SYNC and programs its divider for it.
     */
    public void assumeBaudRate(int baud) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive, was " + baud);
        }
        this.baud = baud;
    }

    /**
     * The MAC, or {@code "unknown MAC"} when it cannot be read: for error messages, which must not fail themselves.
     */
    String macForErrors() {
        try {
            return target == null ? "unknown MAC" : readMac().toString();
        } catch (LoaderException e) {
            return "unknown MAC";
        }
    }

    /** Writes {@code data} at {@code address}; does not verify (see {@link #verifyFlash}). */
    public FlashWriteResult writeFlash(int address, byte[] data, FlashWriteOptions options, ProgressListener progress)
            throws LoaderException {
        ensureAttached();
        return new FlashWriter(channel, settings, target()).write(address, data, options, progress);
    }

    /** The chip's MD5 of {@code length} bytes at {@code address}. */
    public FlashMd5 flashMd5(int address, int length) throws LoaderException {
        ensureAttached();
        return new FlashVerifier(channel, settings).md5(address, length);
    }

    /**
     * Checks that flash at {@code address} holds exactly {@code expected}.
     *
     * @throws VerificationFailedException it does not (fatal: the unit is not flashed)
     */
    public FlashMd5 verifyFlash(int address, byte[] expected) throws LoaderException {
        ensureAttached();
        return new FlashVerifier(channel, settings).verify(address, expected);
    }

    /** Reads {@code length} bytes at {@code address}, 64 per command. */
    public byte[] readFlash(int address, int length, ProgressListener progress) throws LoaderException {
        ensureAttached();
        return new FlashReader(channel).read(address, length, progress);
    }

    private void ensureAttached() throws LoaderException {
        if (!spiAttached) {
            spiAttach();
        }
    }

    @Override
    public void close() throws IOException {
        channel.transport().close();
    }
}
