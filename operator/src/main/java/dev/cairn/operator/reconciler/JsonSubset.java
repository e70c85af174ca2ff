package dev.cairn.operator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether every field of a desired object has the same value in the live one. Fields the API server adds (defaults,
 * status, managed fields) are ignored; lists must have the same length and match element by element.
 */
final class JsonSubset {

    private JsonSubset() {
    }

    static boolean contains(JsonNode live, JsonNode desired) {
        if (desired == null || desired.isNull()) {
            return true;
        }
        if (live == null || live.isNull() || live.isMissingNode()) {
            return false;
        }
        if (desired.isObject()) {
            if (!live.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = desired.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!contains(live.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isArray()) {
            if (!live.isArray() || live.size() != desired.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!contains(live.get(i), desired.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isNumber() && live.isNumber()) {
            return new BigDecimal(desired.asText()).compareTo(new BigDecimal(live.asText())) == 0;
        }
        return desired.asText().equals(live.asText()) && desired.isTextual() == live.isTextual();
    }
}
