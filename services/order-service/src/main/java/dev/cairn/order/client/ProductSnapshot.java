package dev.cairn.order.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.cairn.commons.money.Money;

/** What an order needs of a product: its name and current price (other fields are ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductSnapshot(String id, String name, Money price) {
}
