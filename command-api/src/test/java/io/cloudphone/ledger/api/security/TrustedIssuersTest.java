package io.cloudphone.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class TrustedIssuersTest {

    private static final String ISSUER = "http://127.0.0.1/realms/down";

    @Test
    void anUnreachableKeySetIsTheProvidersOutageNotABadToken() throws Exception {
        String keySetUri = "http://127.0.0.1:" + closedPort() + "/certs";
        var decoder = TrustedIssuers.externalDecoder(new ExternalIssuerProperties(ISSUER, keySetUri, "cpl-api"));

        assertThatThrownBy(() -> decoder.decode(token()))
                .isInstanceOf(IssuerUnavailableException.class)
                .hasMessageContaining(ISSUER);
    }

    private static String token() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject("someone").audience(List.of("cpl-api"))
                .issuedAt(now).expiresAt(now.plusSeconds(60)).build();
        return NimbusJwtEncoder.withKeyPair((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate()).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    /** A port nothing listens on: bound, read, released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
