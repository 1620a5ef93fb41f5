package io.cloudphone.ledger.provider.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSA keys as PEM text ({@code PUBLIC KEY}: X.509 SubjectPublicKeyInfo; {@code PRIVATE KEY}: PKCS#8, what
 * {@code openssl genpkey} writes and the launcher's JWT keys are), and the HMAC secrets of Stripe-style signatures.
 * Written by hand: the JDK 21 reads the DER inside but has no PEM reader, and this module takes no dependency for
 * ten lines of base64.
 */
public final class PemKeys {

    /** RSA2 means at least 2048 bits; a smaller key is refused on load. */
    public static final int RSA_BITS_MIN = 2048;
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PemKeys() {
    }

    /** A fresh RSA-2048 key pair. */
    public static KeyPair generateRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS_MIN, RANDOM);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh Stripe-style endpoint secret: {@code whsec_} and 32 random bytes in base64. */
    public static String generateHmacSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "whsec_" + Base64.getEncoder().encodeToString(secret);
    }

    public static PublicKey publicKey(String pem) {
        return rsa(() -> keyFactory().generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY"))));
    }

    public static PrivateKey privateKey(String pem) {
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw new IllegalArgumentException("a PKCS#1 'RSA PRIVATE KEY' is not read; convert it to PKCS#8 with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out private.pem'");
        }
        return rsa(() -> keyFactory().generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY"))));
    }

    public static PublicKey readPublicKey(Path file) {
        return publicKey(read(file));
    }

    public static PrivateKey readPrivateKey(Path file) {
        return privateKey(read(file));
    }

    /** The public half of an RSA private key (a PKCS#8 key carries its modulus and public exponent). */
    public static PublicKey publicKeyOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("the public half can be derived only from an RSA CRT private key");
        }
        return rsa(() -> keyFactory().generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())));
    }

    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /**
     * The key's serial as WeChat Pay's {@code Wechatpay-Serial} names it: 40 upper-case hex digits. A real platform
     * certificate has a serial of its own; here it is the start of the SHA-256 of the public key, so a receiver
     * holding only the key knows it.
     */
    public static String serialOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().withUpperCase().formatHex(Arrays.copyOf(digest, 20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem, String type) {
        Matcher block = BLOCK.matcher(pem);
        if (!block.find() || !block.group(1).equals(type)) {
            throw new IllegalArgumentException("not a PEM '" + type + "' block (-----BEGIN " + type + "-----)");
        }
        try {
            return Base64.getMimeDecoder().decode(block.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM '" + type + "' block is not base64: " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + file + ": " + e.getMessage(), e);
        }
    }

    private interface KeyMaker<K> {
        K make() throws GeneralSecurityException;
    }

    private static <K> K rsa(KeyMaker<K> maker) {
        K key;
        try {
            key = maker.make();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA key: " + e.getMessage(), e);
        }
        int bits = ((RSAKey) key).getModulus().bitLength();
        if (bits < RSA_BITS_MIN) {
            throw new IllegalArgumentException("an RSA key of " + bits + " bits; RSA2 needs at least " + RSA_BITS_MIN);
        }
        return key;
    }

    private static KeyFactory keyFactory() throws NoSuchAlgorithmException {
        return KeyFactory.getInstance("RSA");
    }
}
