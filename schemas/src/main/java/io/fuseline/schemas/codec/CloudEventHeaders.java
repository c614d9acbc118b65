package io.fuseline.schemas.codec;

/**
 * The Kafka header names of a CloudEvent in binary mode (CloudEvents Kafka protocol binding 1.0): each attribute is
 * a {@code ce_}-prefixed header with a UTF-8 value, the data is the record value.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";

    /** The only spec version written and accepted. */
    public static final String SPEC_VERSION_1_0 = "1.0";
    /** The only data content type written; a charset parameter is tolerated on read. */
    public static final String APPLICATION_JSON = "application/json";

    private CloudEventHeaders() {}
}
