package io.walletrecon.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

@ApplicationScoped
public class IntakeClockProducer {

    @Produces
    @Singleton
    @IntakeClock
    Clock clock() {
        return Clock.systemUTC();
    }
}
