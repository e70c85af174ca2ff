package dev.cairn.user.service;

/**
 * Who makes a request, for the audit log.
 *
 * @param id    user or client id, or {@code null} when anonymous
 * @param email the user's email (or attempted email), or {@code null}
 * @param ip    client address
 */
public record Actor(String id, String email, String ip) {

    /** An anonymous caller from {@code ip}. */
    public static Actor anonymous(String ip) {
        return new Actor(null, null, ip);
    }

    /** The service itself (startup tasks). */
    public static Actor system() {
        return new Actor("system", null, null);
    }
}
