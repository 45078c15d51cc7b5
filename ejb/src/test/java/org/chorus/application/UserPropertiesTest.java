package org.chorus.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class UserPropertiesTest {

    @Test
    void valuesTravelAsSerializedText() {
        ArrayList<String> drafts = new ArrayList<>(List.of("half a sentence", "\uD83D\uDE00"));
        assertEquals(drafts, UserProperties.decode(UserProperties.encode(drafts)));
        assertEquals(42L, UserProperties.decode(UserProperties.encode(42L)));
    }
}
