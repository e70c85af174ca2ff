package dev.cairn.order.domain;

/** Where an order goes. */
public record ShippingAddress(String name, String line1, String line2, String postalCode, String city, String country) {
}
