package io.liquidityengine.exchangesim;

import io.liquidityengine.exchangesim.BinanceAuth.Refusal;
import io.liquidityengine.exchangesim.BinanceOrderEntry.Refused;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The parameters of Binance order-entry requests: reading them (query and form body) and Binance's refusals of bad ones. */
final class SpotParams {

    static final Pattern CLIENT_ID = Pattern.compile("^[a-zA-Z0-9-_]{1,36}$");

    private SpotParams() {
    }

    static String clientId(String id, String name) {
        if (!CLIENT_ID.matcher(id).matches()) {
            throw new Refused(new Refusal(400, -1100, "Illegal characters found in parameter '" + name + "'; legal range is '"
                    + CLIENT_ID.pattern() + "'."));
        }
        return id;
    }

    static String name(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String name(String prefix, String legName, String plainName) {
        return prefix.isEmpty() ? plainName : prefix + legName;
    }

    static String require(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null || v.isEmpty()) {
            throw new Refused(BinanceAuth.mandatory(name));
        }
        return v;
    }

    static BigDecimal decimal(Map<String, String> params, String name, boolean required) {
        String v = params.get(name);
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new Refused(BinanceAuth.mandatory(name));
            }
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new Refused(new Refusal(400, -1100, "Illegal characters found in parameter '" + name + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'."));
        }
    }

    static boolean onStep(BigDecimal value, BigDecimal step) {
        return value == null || value.remainder(step).signum() == 0;
    }

    static Map<String, String> params(String query, String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : new String[] {query, body}) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            for (String pair : part.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
