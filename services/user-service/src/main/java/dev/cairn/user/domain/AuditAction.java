package dev.cairn.user.domain;

/** What the audit log records. */
public enum AuditAction {
    LOGIN_SUCCESS,
    LOGIN_FAILURE,
    LOGIN_LOCKED,
    ACCOUNT_LOCKED,
    USER_REGISTERED,
    USER_UPDATED,
    PASSWORD_CHANGED,
    ROLES_CHANGED,
    USER_DELETED,
    REFRESH_TOKEN_REUSED,
    CLIENT_TOKEN_ISSUED,
    CLIENT_AUTH_FAILURE
}
