-- The databases of the user and order services (CONTRACT.md section 2), created when the PostgreSQL volume is new.
CREATE DATABASE cairn_users;
CREATE DATABASE cairn_orders;
