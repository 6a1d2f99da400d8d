package io.liquidityengine.execution.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature against the documented HMAC-SHA256 example of Binance's REST API docs ("SIGNED Endpoint Examples for POST /api/v3/order"). */
class BinanceSignerTest {

    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    private static Map<String, String> example(String symbol) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol);
        p.put("side", "BUY");
        p.put("type", "LIMIT");
        p.put("timeInForce", "GTC");
        p.put("quantity", "1");
        p.put("price", "0.1");
        p.put("recvWindow", "5000");
        p.put("timestamp", "1499827319559");
        return p;
    }

    @Test
    void shouldSignTheDocumentedExample() {
        String payload = BinanceRest.encode(example("LTCBTC"));
        assertThat(payload).isEqualTo("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");
        assertThat(new BinanceSigner(SECRET).sign(payload)).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void shouldPercentEncodeNonAsciiBeforeSigning() {
        String payload = BinanceRest.encode(example("１２３４５６"));
        assertThat(payload).startsWith("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY");
        assertThat(new BinanceSigner(SECRET).sign(payload)).isEqualTo("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
    }

    @Test
    void shouldNeverShowTheSecret() {
        assertThat(new BinanceSigner(SECRET).toString()).doesNotContain(SECRET);
        assertThat(new BinanceBrokerConfig.Credentials("key", SECRET).toString()).isEqualTo("Credentials[redacted]");
    }
}
