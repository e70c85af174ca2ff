package dev.cairn.user.domain;

import java.util.Locale;

/** Email addresses as Cairn compares them: trimmed, case-insensitive. */
public final class Emails {

    private Emails() {
    }

    /** The form an address is stored and looked up in. */
    public static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
