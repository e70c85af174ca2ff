package dev.cairn.order.api;

import dev.cairn.order.domain.OrderLine;
import dev.cairn.order.domain.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code POST /api/v1/orders}. */
public record PlaceOrderRequest(
        @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Item> items,
        @NotBlank @Size(max = 128) String paymentToken,
        @Valid @NotNull Address shippingAddress) {

    /** One line: a product and how many. */
    public record Item(@NotBlank @Size(max = 128) String productId, @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    /** Where to ship. */
    public record Address(@NotBlank @Size(max = 200) String name,
                          @NotBlank @Size(max = 200) String line1,
                          @Size(max = 200) String line2,
                          @NotBlank @Size(max = 20) String postalCode,
                          @NotBlank @Size(max = 100) String city,
                          @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as DE") String country) {
    }

    List<OrderLine> lines() {
        return items.stream().map(item -> new OrderLine(item.productId().trim(), item.quantity(), null, null)).toList();
    }

    ShippingAddress address() {
        return new ShippingAddress(shippingAddress.name(), shippingAddress.line1(), shippingAddress.line2(),
                shippingAddress.postalCode(), shippingAddress.city(), shippingAddress.country());
    }
}
