package io.cloudphone.ledger.launcher;

import io.cloudphone.ledger.launcher.core.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An RSA-2048 key pair, PKCS#8 private key (mode 0600) and X.509 public key, PEM, generated once per state dir: the
 * one that signs (command-api) and verifies (every app) bearer tokens, which Spring Security reads, and the simulated
 * providers' that sign notifications (the payment-provider simulator) and verify them (command-api's webhook).
 */
final class JwtKeys {

    private JwtKeys() {
    }

    static void ensure(Path privateKey, Path publicKey, String what, Console console) {
        if (Files.isRegularFile(privateKey) && Files.isRegularFile(publicKey)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            write(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), "rw-------");
            write(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), "rw-r--r--");
            console.say("stack: generated " + what + " in " + privateKey.getParent());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + " into " + privateKey.getParent(), e);
        }
    }

    private static void write(Path file, String content, String permissions) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, "", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(permissions));
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
