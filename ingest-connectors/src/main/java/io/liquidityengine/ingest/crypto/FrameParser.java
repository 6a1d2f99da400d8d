package io.liquidityengine.ingest.crypto;

/** A venue's pure frame parser: text in, {@link VenueFrame} out; never throws on any input. */
@FunctionalInterface
public interface FrameParser {

    VenueFrame parse(String text);
}
