-- The notification consumer: whom to write to (learned from user.created) and what it sent.
CREATE TABLE notification_recipients (
    user_id    VARCHAR(128) PRIMARY KEY,
    email      VARCHAR(254) NOT NULL,
    name       VARCHAR(200) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE notifications_sent (
    event_id  VARCHAR(128) PRIMARY KEY,
    recipient VARCHAR(254) NOT NULL,
    subject   VARCHAR(200) NOT NULL,
    sent_at   TIMESTAMPTZ  NOT NULL
);
