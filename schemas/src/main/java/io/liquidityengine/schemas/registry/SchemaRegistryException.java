package io.liquidityengine.schemas.registry;

/** A registry call failed for good: the schema was rejected, or the registry stayed unreachable. */
public class SchemaRegistryException extends RuntimeException {

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    /** HTTP status of the final answer, -1 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent error code ({@code error_code}) of the final answer, -1 when there was none. */
    public int errorCode() {
        return errorCode;
    }
}
