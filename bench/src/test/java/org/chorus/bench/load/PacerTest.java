package org.chorus.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void theIntendedSendTimeTravelsAtTheStartOfTheText() {
        assertEquals(123_456_789_012L, Pacer.intendedOf(String.format("%019d|", 123_456_789_012L) + "xxxx"));
        assertEquals(-42L, Pacer.intendedOf(String.format("%019d|", -42L)), "System.nanoTime() may be negative");
    }
}
