package io.fuseline.station.ops;

/** The chip identifies as something this station does not provision, or as not the chip the job expects. */
public final class UnsupportedChipException extends LoaderException {

    private static final long serialVersionUID = 1L;

    public UnsupportedChipException(String message) {
        super(message, null);
    }

    @Override
    public String code() { return "SA-106"; }

    @Override
    public boolean retriable() { return false; }
}
