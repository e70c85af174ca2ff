package dev.cairn.order.persistence;

import dev.cairn.commons.money.Money;
import dev.cairn.order.client.ProductSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The price cache in {@code product_prices}, fed by the product events; joins the caller's transaction. */
@ApplicationScoped
public class PriceStore {

    private final OrdersPersistenceContext persistence;

    @Inject
    public PriceStore(OrdersPersistenceContext persistence) {
        this.persistence = persistence;
    }

    /** The cached product, if the events told of it. */
    @Transactional
    public Optional<ProductSnapshot> find(String productId) {
        List<?> rows = persistence.entityManager().createNativeQuery(
                        "select product_id, name, amount, currency from product_prices where product_id = ?1")
                .setParameter(1, productId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            String currency = ((String) columns[3]).trim();
            return new ProductSnapshot((String) columns[0], (String) columns[1],
                    Money.of((BigDecimal) columns[2], currency));
        });
    }

    /** Stores the price of {@code version} of the product, unless a newer version is stored. */
    public void put(String productId, String name, Money price, long version, Instant now) {
        persistence.entityManager().createNativeQuery("insert into product_prices (product_id, name, amount, currency, "
                        + "version, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (product_id) do update set "
                        + "name = excluded.name, amount = excluded.amount, currency = excluded.currency, "
                        + "version = excluded.version, updated_at = excluded.updated_at "
                        + "where product_prices.version < excluded.version")
                .setParameter(1, productId)
                .setParameter(2, name)
                .setParameter(3, price.value())
                .setParameter(4, price.currency())
                .setParameter(5, version)
                .setParameter(6, now)
                .executeUpdate();
    }

    /** Forgets a deleted product: new orders for it are rejected by the product service's answer. */
    public void remove(String productId) {
        persistence.entityManager().createNativeQuery("delete from product_prices where product_id = ?1")
                .setParameter(1, productId)
                .executeUpdate();
    }
}
