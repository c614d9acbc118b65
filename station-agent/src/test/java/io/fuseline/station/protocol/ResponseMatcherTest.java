package io.fuseline.station.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseMatcherTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] f(String hex) {
        return HEX.parseHex(hex);
    }

    @Test
    void parsesHeaderValueAndBothStatusDialects() {
        Response rom = Response.parse(f("010a0400831df00000000000")).orElseThrow();
        assertThat(rom.opcode()).contains(Opcode.READ_REG);
        assertThat(rom.value()).isEqualTo(0x00F01D83);
        assertThat(rom.status(StatusDialect.ROM).success()).isTrue();
        assertThat(rom.payload(StatusDialect.ROM)).isEmpty();
        assertThat(HEX.formatHex(rom.packet())).isEqualTo("010a0400831df00000000000");

        Response stub = Response.parse(f("0113120000000000eabc4da1b344242b7a5f2aa0ea652ef60107")).orElseThrow();
        assertThat(stub.status(StatusDialect.STUB)).isEqualTo(new ResponseStatus(1, 7));
        assertThat(stub.payload(StatusDialect.STUB)).hasSize(16);
    }

    @Test
    void framesThatAreNotResponsesDoNotParse() {
        assertThat(Response.parse(f("0008240000000000"))).isEmpty(); // a request
        assertThat(Response.parse(f("010a04"))).isEmpty(); // too short
        assertThat(Response.parse(f("010a0500831df00000000000"))).isEmpty(); // length field disagrees
        assertThat(Response.parse(f("c056e69da2e77c6d654c2e4fe33a36fe"))).isEmpty(); // raw stub data
    }

    @Test
    void aResponseWithoutRoomForItsStatusIsRefused() {
        Response r = Response.parse(f("010f0200000000000000")).orElseThrow();
        assertThat(r.hasStatus(StatusDialect.ROM)).isFalse();
        assertThatThrownBy(() -> r.status(StatusDialect.ROM)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ResponseMatcher(Opcode.CHANGE_BAUDRATE, StatusDialect.ROM).offer(r.packet()))
                .isInstanceOf(UnexpectedResponseException.class)
                .satisfies(e -> assertThat(((LoaderProtocolException) e).retriable()).isTrue());
    }

    @Test
    void skipsNonResponsesAndOtherOpsThenMatches() throws Exception {
        ResponseMatcher m = new ResponseMatcher(Opcode.READ_REG, StatusDialect.ROM);
        List<byte[]> frames = List.of(
                f("00aabbccddeeff0011"),          // byte0 0: an echo of a request
                f("010804000712205500000000"),    // a late SYNC reply
                f("010a0400563412c400000000"));
        Response r = m.await(frames.iterator());
        assertThat(r.value()).isEqualTo(0xC4123456);
        assertThat(m.skipped()).isEqualTo(2);
    }

    @Test
    void aFailureStatusBecomesCommandFailedWithTheTableText() {
        ResponseMatcher m = new ResponseMatcher(Opcode.FLASH_DATA, StatusDialect.ROM);
        assertThatThrownBy(() -> m.offer(f("010304000000000001070000")))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> {
                    assertThat(e.op()).isEqualTo(Opcode.FLASH_DATA);
                    assertThat(e.status()).isEqualTo(1);
                    assertThat(e.errorCode()).isEqualTo(0x07);
                    assertThat(e.romError()).contains(RomError.INVALID_CRC);
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("FLASH_DATA (0x03) failed: status 0x01, error 0x07: "
                            + RomError.INVALID_CRC.text());
                });
    }

    @Test
    void stubStatusIsTheLastTwoBytes() {
        ResponseMatcher m = new ResponseMatcher(Opcode.FLASH_DEFL_DATA, StatusDialect.STUB);
        assertThatThrownBy(() -> m.offer(f("0111020000000000" + "01c7")))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> {
                    assertThat(e.romError()).contains(RomError.STUB_INFLATE_ERROR);
                    assertThat(e.retriable()).isFalse();
                });
    }

    @Test
    void aRomRefusalUnderAnotherOpIsUnsupported() {
        ResponseMatcher m = new ResponseMatcher(Opcode.READ_FLASH, StatusDialect.ROM);
        assertThatThrownBy(() -> m.offer(f("010004000000000001050000")))
                .isInstanceOfSatisfying(UnsupportedCommandException.class, e -> {
                    assertThat(e.op()).isEqualTo(Opcode.READ_FLASH);
                    assertThat(e.replyOp()).isZero();
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("READ_FLASH (0xD2)", "not supported");
                });
    }

    @Test
    void anotherOpsOrdinaryFailureIsOnlySkipped() throws Exception {
        ResponseMatcher m = new ResponseMatcher(Opcode.READ_REG, StatusDialect.ROM);
        assertThat(m.offer(f("010304000000000001070000"))).isEmpty();
        assertThat(m.skipped()).isEqualTo(1);
    }

    @Test
    void aLateAnswerWhosePayloadStartsLikeARefusalIsOnlySkipped() throws Exception {
        ResponseMatcher m = new ResponseMatcher(Opcode.READ_REG, StatusDialect.ROM);
        String payload = "0105" + "00".repeat(62);
        assertThat(m.offer(f("010e440000000000" + payload + "00000000"))).isEmpty();
        assertThat(m.skipped()).isEqualTo(1);
    }

    @Test
    void givesUpAfterEsptoolsHundredSkippedFrames() throws Exception {
        ResponseMatcher m = new ResponseMatcher(Opcode.READ_REG, StatusDialect.ROM);
        byte[] other = f("010804000712205500000000");
        for (int i = 0; i < ResponseMatcher.DEFAULT_MAX_SKIPPED; i++) {
            assertThat(m.offer(other)).isEmpty();
        }
        assertThatThrownBy(() -> m.offer(other)).isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("100");
    }

    @Test
    void runningOutOfFramesIsUnexpected() {
        ResponseMatcher m = new ResponseMatcher(Opcode.SYNC, StatusDialect.ROM);
        assertThatThrownBy(() -> m.await(new ArrayList<byte[]>().iterator()))
                .isInstanceOf(UnexpectedResponseException.class);
    }

    @Test
    void worksOnFramesStraightFromTheDecoder() throws Exception {
        ResponseMatcher m = new ResponseMatcher(Opcode.SPI_ATTACH, StatusDialect.ROM);
        List<byte[]> frames = new ArrayList<>();
        new SlipDecoder().feed(f("c0010804000712205500000000c0c0010d04000000000000000000c0"), frames::add);
        assertThat(m.await(frames.iterator()).opcode()).contains(Opcode.SPI_ATTACH);
    }
}
