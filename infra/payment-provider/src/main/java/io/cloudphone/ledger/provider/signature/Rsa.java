package io.cloudphone.ledger.provider.signature;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/** SHA256withRSA (PKCS#1 v1.5): WeChat Pay v3's signature and Alipay's RSA2. */
final class Rsa {

    static final String ALGORITHM = "SHA256withRSA";

    private Rsa() {
    }

    static byte[] sign(PrivateKey key, byte[]... parts) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            for (byte[] part : parts) {
                signature.update(part);
            }
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM + ": " + e.getMessage(), e);
        }
    }

    static boolean verify(PublicKey key, byte[] signatureBytes, byte[]... parts) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            for (byte[] part : parts) {
                signature.update(part);
            }
            return signature.verify(signatureBytes);
        } catch (SignatureException | InvalidKeyException malformed) {
            // A signature of the wrong length or encoding does not match, whatever the key.
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot verify with " + ALGORITHM + ": " + e.getMessage(), e);
        }
    }
}
