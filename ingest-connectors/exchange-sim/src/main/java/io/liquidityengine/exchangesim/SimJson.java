package io.liquidityengine.exchangesim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;

/** JSON of the simulators: reading frames, building answers. */
final class SimJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private SimJson() {
    }

    static void json(HttpServerResponse response, int status, JsonNode body) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }
}
