package io.cloudphone.ledger.api.login;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

    /** One failure fewer per username than locks an account: a client alone never locks anyone out. */
    @Bean
    LoginThrottle loginThrottle(LockoutProperties lockout, LoginThrottleProperties throttle) {
        return new LoginThrottle(Math.max(1, lockout.failuresPerLock() - 1), throttle.failuresPerClient(),
                throttle.quiet(), Ticker.systemTicker());
    }
}
