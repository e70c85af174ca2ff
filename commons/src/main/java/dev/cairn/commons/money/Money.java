package dev.cairn.commons.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money as the API carries it (CONTRACT.md section 3): {@code {"amount": "12.50", "currency": "EUR"}},
 * the amount a decimal string with the currency's minor digits, so no client ever parses a float for a price.
 *
 * @param amount   decimal string, e.g. {@code 12.50}
 * @param currency ISO 4217 code, e.g. {@code EUR}
 */
public record Money(String amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** The money for a decimal value, scaled to the currency's minor digits (half-even). */
    public static Money of(BigDecimal value, String currency) {
        return new Money(scaled(value, currency).toPlainString(), currency);
    }

    /** The amount as a number. */
    public BigDecimal value() {
        return new BigDecimal(amount);
    }

    /** {@code value} rounded to the minor digits of {@code currency} (2 when the currency is unknown to the JDK). */
    public static BigDecimal scaled(BigDecimal value, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return value.setScale(digits, RoundingMode.HALF_EVEN);
    }

    /** Whether {@code code} is an ISO 4217 currency code the JDK knows. */
    public static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
