package io.fuseline.station.protocol;

/**
 * The two meaningful status bytes of a response.
 *
 * @param status 0 = success, otherwise failure (1 on every known loader)
 * @param error  the error code when {@code status} is not 0, see {@link RomError}
 */
public record ResponseStatus(int status, int error) {

    public boolean success() {
        return status == 0;
    }

    /** The status the ROM uses to refuse a command it does not offer: failure, "invalid message". */
    public boolean invalidMessage() {
        return status != 0 && error == RomError.INVALID_MESSAGE.code();
    }

    @Override
    public String toString() {
        return success() ? "ResponseStatus[ok]"
                : String.format("ResponseStatus[status 0x%02X, error %s]", status, RomError.describe(error));
    }
}
