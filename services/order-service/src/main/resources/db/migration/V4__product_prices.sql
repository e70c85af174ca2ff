-- Prices of the catalog as the product events told them (product.created / product.updated; product.deleted removes
-- the row): new orders are priced from here, and from the product service only for a product not seen yet.
CREATE TABLE product_prices (
    product_id VARCHAR(128)   PRIMARY KEY,
    name       VARCHAR(200)   NOT NULL,
    amount     NUMERIC(19, 4) NOT NULL,
    currency   CHAR(3)        NOT NULL,
    version    BIGINT         NOT NULL,
    updated_at TIMESTAMPTZ    NOT NULL
);
