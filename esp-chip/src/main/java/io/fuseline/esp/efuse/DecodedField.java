package io.fuseline.esp.efuse;

/**
 * One field of an {@link EfuseSummary}: its definition, its value and whether software can still read it
 * (RD_DIS bit clear) and burn it (WR_DIS bit clear), with espefuse's meaning of {@code readable} and
 * {@code writeable}. A field that is not readable decodes from the zeros the chip returns.
 */
public record DecodedField(EfuseField field, FieldValue value, boolean readable, boolean writeable) {
}
