package io.liquidityengine.topology.domain.bars;

/**
 * Volume traded at one price inside a bar.
 *
 * @param price     price level, on the tick grid
 * @param bidVolume seller-aggressor volume at this price
 * @param askVolume buyer-aggressor volume at this price
 */
public record FootprintLevel(double price, double bidVolume, double askVolume) {

    public FootprintLevel {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("footprint price must be finite, was " + price);
        }
        if (!(bidVolume >= 0) || !(askVolume >= 0) || Double.isInfinite(bidVolume) || Double.isInfinite(askVolume)) {
            throw new IllegalArgumentException("footprint volumes must be finite and >= 0 at " + price);
        }
    }
}
