package io.fuseline.station.protocol;

import static io.fuseline.station.protocol.TranscriptRequests.w;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the simulated chip's logs of real esptool/espefuse runs: plain and compressed writes (with the
 * ROM's padded 0x400 blocks and their checksums), encrypted writes, READ_FLASH_SLOW, MD5 verification, and the
 * stub dialect (ERASE_REGION, FLASH_DEFL_END, raw MD5).
 */
class WireTranscriptTest {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> transcripts() {
        return Stream.of(
                arguments("esp32_wire_transcript.txt", StatusDialect.ROM),
                arguments("esp32s3_wire_transcript.txt", StatusDialect.ROM),
                arguments("esp32s3_stub_wire_transcript.txt", StatusDialect.STUB));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void buildersProduceEveryPacketEsptoolSent(String file, StatusDialect dialect) {
        List<WireTranscript.Exchange> exchanges = WireTranscript.load(file).exchanges();
        assertThat(exchanges).hasSizeGreaterThan(100);
        for (WireTranscript.Exchange x : exchanges) {
            byte[] p = x.packet();
            Opcode op = Opcode.fromCode(x.op()).orElseThrow();
            byte[] data = Arrays.copyOfRange(p, Request.HEADER_LENGTH, p.length);
            Request ours = TranscriptRequests.rebuild(op, data, dialect);

            assertThat(HEX.formatHex(ours.packet())).as("%s line %d %s", file, x.line(), op)
                    .isEqualTo(HEX.formatHex(p));
            // And through SLIP and back, unchanged.
            List<byte[]> decoded = new ArrayList<>();
            new SlipDecoder().feed(ours.toFrame(), decoded::add);
            assertThat(decoded).singleElement().satisfies(f -> assertThat(f).isEqualTo(p));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void everyAnswerMatchesWithSuccessExceptTheEsp32SecurityInfo(String file, StatusDialect dialect)
            throws Exception {
        for (WireTranscript.Exchange x : WireTranscript.load(file).exchanges()) {
            Opcode op = Opcode.fromCode(x.op()).orElseThrow();
            ResponseMatcher matcher = new ResponseMatcher(op, dialect);
            if (file.startsWith("esp32_") && op == Opcode.GET_SECURITY_INFO) {
                assertThatThrownBy(() -> matcher.await(x.answers().iterator()))
                        .isInstanceOfSatisfying(CommandFailedException.class,
                                e -> assertThat(e.romError()).contains(RomError.INVALID_MESSAGE));
                continue;
            }
            Response r = matcher.await(x.answers().iterator());
            if (op == Opcode.READ_FLASH_SLOW) {
                assertThat(r.payload(dialect)).hasSize(Requests.READ_FLASH_SLOW_MAX);
            }
            if (op == Opcode.GET_SECURITY_INFO) {
                assertThat(SecurityInfo.parse(r.payload(dialect)).chipId()).hasValue(9);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void flashDataBlocksAreNumberedFromZeroAndCountedByTheirBegin(String file, StatusDialect dialect) {
        int expectedBlocks = -1;
        int seq = 0;
        for (WireTranscript.Exchange x : WireTranscript.load(file).exchanges()) {
            byte[] d = Arrays.copyOfRange(x.packet(), 8, x.packet().length);
            if (x.op() == Opcode.FLASH_BEGIN.code() || x.op() == Opcode.FLASH_DEFL_BEGIN.code()) {
                assertThat(seq).as("blocks of the previous write").isIn(expectedBlocks, 0);
                expectedBlocks = w(d, 1);
                seq = 0;
            } else if (x.op() == Opcode.FLASH_DATA.code() || x.op() == Opcode.FLASH_DEFL_DATA.code()) {
                assertThat(w(d, 1)).isEqualTo(seq++);
                assertThat(seq).isLessThanOrEqualTo(expectedBlocks);
            }
        }
    }

    /**
     * The chip's MD5 answer (ROM: hex text, stub: raw) equals the MD5 of what the same session wrote there,
     * which ties FLASH_DATA padding, compressed streams and {@link FlashMd5} parsing together.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void md5AnswersMatchTheDataWritten(String file, StatusDialect dialect) throws Exception {
        Map<Integer, Written> written = new HashMap<>();
        Written current = null;
        int compared = 0;
        for (WireTranscript.Exchange x : WireTranscript.load(file).exchanges()) {
            byte[] d = Arrays.copyOfRange(x.packet(), 8, x.packet().length);
            Opcode op = Opcode.fromCode(x.op()).orElseThrow();
            switch (op) {
                case FLASH_BEGIN, FLASH_DEFL_BEGIN -> {
                    current = new Written(op == Opcode.FLASH_DEFL_BEGIN, new ByteArrayOutputStream());
                    written.put(w(d, 3), current);
                }
                case FLASH_DATA, FLASH_DEFL_DATA -> current.stream().write(d, 16, d.length - 16);
                case SPI_FLASH_MD5 -> {
                    Response r = new ResponseMatcher(op, dialect).await(x.answers().iterator());
                    FlashMd5 md5 = FlashMd5.parse(r.payload(dialect), dialect);
                    Written w = written.get(w(d, 0));
                    if (w != null) {
                        assertThat(md5.digest()).as("%s line %d", file, x.line())
                                .isEqualTo(EsptoolTraceTest.md5(Arrays.copyOf(w.content(), w(d, 1))));
                        compared++;
                    }
                }
                default -> {
                }
            }
        }
        assertThat(compared).isPositive();
    }

    private record Written(boolean compressed, ByteArrayOutputStream stream) {
        byte[] content() throws Exception {
            return compressed ? EsptoolTraceTest.inflate(stream.toByteArray()) : stream.toByteArray();
        }
    }

    @Test
    void transcriptsCoverTheWriteAndVerifyCommands() {
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        transcripts().forEach(a -> WireTranscript.load((String) a.get()[0]).exchanges()
                .forEach(x -> seen.add(Opcode.fromCode(x.op()).orElseThrow())));
        assertThat(seen).contains(Opcode.FLASH_BEGIN, Opcode.FLASH_DATA, Opcode.FLASH_DEFL_BEGIN,
                Opcode.FLASH_DEFL_DATA, Opcode.FLASH_DEFL_END, Opcode.SPI_FLASH_MD5, Opcode.READ_FLASH_SLOW,
                Opcode.READ_FLASH, Opcode.ERASE_REGION, Opcode.SPI_ATTACH, Opcode.SPI_SET_PARAMS,
                Opcode.CHANGE_BAUDRATE);
    }

    @Test
    void esp32RomPadsTheLastPlainBlockWithFfAndChecksumsThePaddedBlock() {
        WireTranscript.Exchange last = WireTranscript.load("esp32_wire_transcript.txt").exchanges().stream()
                .filter(x -> x.op() == Opcode.FLASH_DATA.code()).reduce((a, b) -> b).orElseThrow();
        byte[] p = last.packet();
        byte[] block = Arrays.copyOfRange(p, 24, p.length);
        assertThat(block).hasSize(Requests.ROM_FLASH_BLOCK_SIZE);
        assertThat(block[block.length - 1]).isEqualTo((byte) 0xFF);
        assertThat(w(Arrays.copyOfRange(p, 4, 8), 0)).isEqualTo(Requests.checksum(block, 0, block.length));
    }
}
