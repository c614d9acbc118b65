package io.fuseline.station.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays real {@code esptool v4.12 --trace} sessions (ESP32 and ESP32-S3 ROM, S3 stub dialect): our builders
 * must write exactly esptool's bytes, our decoder must reassemble exactly the frames esptool received, and
 * every answer must match its request with the right status.
 */
class EsptoolTraceTest {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> traces() {
        return Stream.of(
                arguments("e32_read_mac_trace.txt", StatusDialect.ROM),
                arguments("e32_change_baud.txt", StatusDialect.ROM),
                arguments("s3_chip_id_trace.txt", StatusDialect.ROM),
                arguments("s3_change_baud.txt", StatusDialect.ROM),
                arguments("s3_write_flash_compress_trace.txt", StatusDialect.ROM),
                arguments("stub_read_flash_trace.txt", StatusDialect.STUB));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void decoderReassemblesEveryFrameEsptoolReceived(String file, StatusDialect dialect) {
        TraceTranscript t = TraceTranscript.load(file);
        byte[] wire = t.bytesRead();
        List<byte[]> expected = t.packets();
        assertThat(expected).isNotEmpty();

        // Byte by byte, as esptool read them over the socket.
        SlipDecoder oneByOne = new SlipDecoder();
        List<byte[]> frames = new ArrayList<>();
        for (byte b : wire) {
            oneByOne.feed(new byte[] {b}, frames::add);
        }
        assertSameFrames(frames, expected);
        assertThat(oneByOne.garbageBytes()).isZero();
        assertThat(oneByOne.badEscapes()).isZero();
        assertThat(oneByOne.inFrame()).isFalse();

        // In random chunks, as a serial driver hands them over.
        Random random = new Random(file.hashCode());
        SlipDecoder chunked = new SlipDecoder();
        List<byte[]> chunkFrames = new ArrayList<>();
        for (int i = 0; i < wire.length; ) {
            int n = Math.min(wire.length - i, 1 + random.nextInt(300));
            chunked.feed(wire, i, n, chunkFrames::add);
            i += n;
        }
        assertSameFrames(chunkFrames, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void buildersWriteExactlyWhatEsptoolWrote(String file, StatusDialect dialect) {
        List<TraceTranscript.Exchange> exchanges = TraceTranscript.load(file).exchanges();
        assertThat(exchanges).hasSizeGreaterThan(30);
        for (TraceTranscript.Exchange x : exchanges) {
            Opcode op = Opcode.fromCode(x.op()).orElseThrow();
            Request ours = TranscriptRequests.rebuild(op, x.data(), dialect);
            assertThat(HEX.formatHex(ours.toFrame()))
                    .as("%s %s", file, op)
                    .isEqualTo(HEX.formatHex(x.written()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void everyAnswerMatchesItsRequestWithTheRightStatus(String file, StatusDialect dialect) throws Exception {
        boolean esp32 = file.startsWith("e32");
        for (TraceTranscript.Exchange x : TraceTranscript.load(file).exchanges()) {
            Opcode op = Opcode.fromCode(x.op()).orElseThrow();
            ResponseMatcher matcher = new ResponseMatcher(op, dialect);
            if (esp32 && op == Opcode.GET_SECURITY_INFO) {
                assertThatThrownBy(() -> matcher.await(x.frames().iterator()))
                        .isInstanceOfSatisfying(CommandFailedException.class, e -> {
                            assertThat(e.invalidMessage()).isTrue();
                            assertThat(e.retriable()).isFalse();
                            assertThat(e.getMessage()).contains("Received message is invalid");
                        });
                continue;
            }
            Response r = matcher.await(x.frames().iterator());
            assertThat(r.opcode()).contains(op);
            assertThat(matcher.skipped()).isZero();
            if (op == Opcode.SYNC) {
                assertThat(x.frames()).hasSize(8).allSatisfy(f -> {
                    Response s = Response.parse(f).orElseThrow();
                    assertThat(s.status(dialect).success()).isTrue();
                    // A stub answers SYNC with value 0; the ROM with a non-zero marker.
                    assertThat(s.value() == 0).isEqualTo(dialect == StatusDialect.STUB);
                });
            }
        }
    }

    @Test
    void esp32MagicRegisterReadsAsEsp32() throws Exception {
        TraceTranscript.Exchange x = TraceTranscript.load("e32_read_mac_trace.txt").exchanges().stream()
                .filter(e -> e.op() == Opcode.READ_REG.code() && TranscriptRequests.w(e.data(), 0) == 0x40001000)
                .findFirst().orElseThrow();

        assertThat(HEX.formatHex(Requests.readReg(0x40001000).toFrame())).isEqualTo(HEX.formatHex(x.written()))
                .isEqualTo("c0000a0400000000000010004" + "0c0");
        Response r = new ResponseMatcher(Opcode.READ_REG, StatusDialect.ROM).await(x.frames().iterator());
        assertThat(r.value()).isEqualTo(0x00F01D83);
    }

    @Test
    void esp32s3SecurityInfoNamesChipNine() throws Exception {
        TraceTranscript.Exchange x = first("s3_chip_id_trace.txt", Opcode.GET_SECURITY_INFO);
        Response r = new ResponseMatcher(Opcode.GET_SECURITY_INFO, StatusDialect.ROM).await(x.frames().iterator());
        SecurityInfo info = SecurityInfo.parse(r.payload(StatusDialect.ROM));

        assertThat(info.chipId()).hasValue(9);
        assertThat(info.flagSet()).isEmpty();
        assertThat(info.secureDownload()).isFalse();
        assertThat(info.flashEncryptionEnabled()).isFalse();
    }

    @Test
    void romMd5AfterCompressedWriteIsTheMd5OfTheInflatedData() throws Exception {
        String file = "s3_write_flash_compress_trace.txt";
        TraceTranscript.Exchange begin = first(file, Opcode.FLASH_DEFL_BEGIN);
        TraceTranscript.Exchange md5 = first(file, Opcode.SPI_FLASH_MD5);
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        TraceTranscript.load(file).exchanges().stream().filter(e -> e.op() == Opcode.FLASH_DEFL_DATA.code())
                .forEach(e -> zlib.writeBytes(Arrays.copyOfRange(e.data(), 16, e.data().length)));
        byte[] image = inflate(zlib.toByteArray());
        int size = TranscriptRequests.w(md5.data(), 1);

        assertThat(TranscriptRequests.w(md5.data(), 0)).isEqualTo(TranscriptRequests.w(begin.data(), 3));
        Response r = new ResponseMatcher(Opcode.SPI_FLASH_MD5, StatusDialect.ROM).await(md5.frames().iterator());
        FlashMd5 reported = FlashMd5.parse(r.payload(StatusDialect.ROM), StatusDialect.ROM);
        assertThat(reported.digest()).isEqualTo(md5(Arrays.copyOf(image, size)));
    }

    @Test
    void stubReadFlashStreamEndsWithTheMd5OfItsData() throws Exception {
        TraceTranscript t = TraceTranscript.load("stub_read_flash_trace.txt");
        TraceTranscript.Exchange read = first("stub_read_flash_trace.txt", Opcode.READ_FLASH);
        int length = TranscriptRequests.w(read.data(), 1);
        int packet = TranscriptRequests.w(read.data(), 2);

        Response ack = new ResponseMatcher(Opcode.READ_FLASH, StatusDialect.STUB).await(read.frames().iterator());
        assertThat(ack.payload(StatusDialect.STUB)).isEmpty();
        List<byte[]> stream = read.frames().subList(1, read.frames().size());
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        stream.subList(0, length / packet).forEach(data::writeBytes);
        byte[] digest = stream.get(length / packet);
        assertThat(FlashMd5.parse(digest, StatusDialect.STUB).digest()).isEqualTo(md5(data.toByteArray()));

        // The host acknowledges each data packet with a bare u32 of bytes received so far.
        List<String> acks = t.events().stream()
                .filter(e -> e.kind() == TraceTranscript.Kind.WRITE && e.bytes().length == 6)
                .map(e -> HEX.formatHex(e.bytes())).toList();
        assertThat(acks).containsExactly(HEX.formatHex(Slip.encode(LittleEndian.words(0x1000))),
                HEX.formatHex(Slip.encode(LittleEndian.words(0x2000))));
    }

    @Test
    void tracesCoverTheCommandsOfConnectFlashAndRead() {
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        traces().forEach(a -> TraceTranscript.load((String) a.get()[0]).exchanges()
                .forEach(x -> seen.add(Opcode.fromCode(x.op()).orElseThrow())));
        assertThat(seen).contains(Opcode.SYNC, Opcode.READ_REG, Opcode.WRITE_REG, Opcode.SPI_ATTACH,
                Opcode.SPI_SET_PARAMS, Opcode.FLASH_DEFL_BEGIN, Opcode.FLASH_DEFL_DATA, Opcode.SPI_FLASH_MD5,
                Opcode.CHANGE_BAUDRATE, Opcode.GET_SECURITY_INFO, Opcode.READ_FLASH);
    }

    private static TraceTranscript.Exchange first(String file, Opcode op) {
        return TraceTranscript.load(file).exchanges().stream().filter(e -> e.op() == op.code())
                .findFirst().orElseThrow();
    }

    private static void assertSameFrames(List<byte[]> actual, List<byte[]> expected) {
        assertThat(actual.stream().map(HEX::formatHex).toList())
                .containsExactlyElementsOf(expected.stream().map(HEX::formatHex).toList());
    }

    static byte[] md5(byte[] data) throws Exception {
        return MessageDigest.getInstance("MD5").digest(data);
    }

    static byte[] inflate(byte[] zlib) throws Exception {
        Inflater inflater = new Inflater();
        inflater.setInput(zlib);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!inflater.finished()) {
            int n = inflater.inflate(buf);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new IllegalStateException("truncated zlib stream");
            }
            out.write(buf, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }
}
