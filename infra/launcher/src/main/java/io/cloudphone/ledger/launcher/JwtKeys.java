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
 * The RSA-2048 key pair that signs (command-api) and verifies (every app) bearer tokens: PKCS#8 private key (mode
 * 0600) and X.509 public key, PEM, what Spring Security reads. Generated once per state dir.
 */
final class JwtKeys {

    private JwtKeys() {
    }

    static void ensure(Path privateKey, Path publicKey, Console console) {
        if (Files.isRegularFile(privateKey) && Files.isRegularFile(publicKey)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            write(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), "rw-------");
            write(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), "rw-r--r--");
            console.say("stack: generated the JWT key pair in " + privateKey.getParent());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JWT key pair into " + privateKey.getParent(), e);
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
