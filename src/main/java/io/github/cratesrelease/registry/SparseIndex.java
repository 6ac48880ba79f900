package io.github.cratesrelease.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Rules of cargo's registry protocol shared by the client and the embedded registry. */
public final class SparseIndex {
    private SparseIndex() {
    }

    /** Path of a crate's index file: {@code 1/a}, {@code 2/ab}, {@code 3/a/abc}, {@code ab/cd/abcd...}. */
    public static String path(String crate) {
        String n = crate.toLowerCase(Locale.ROOT);
        return switch (n.length()) {
            case 1 -> "1/" + n;
            case 2 -> "2/" + n;
            case 3 -> "3/" + n.charAt(0) + "/" + n;
            default -> n.substring(0, 2) + "/" + n.substring(2, 4) + "/" + n;
        };
    }

    /** Lower-case hex SHA-256, the index's {@code cksum} of a {@code .crate}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
