package org.innovadores.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two members saving the same exercise: nothing either wrote is lost. */
class MergeTest {

    private static JsonValue v(String s) {
        return Json.createValue(s);
    }

    @Test
    void differentFieldsBothSurvive() {
        Map<String, JsonValue> base = Map.of("a", v("uno"), "b", v("dos"));
        Map<String, JsonValue> current = Map.of("a", v("uno de Ana"), "b", v("dos"));
        Map<String, JsonValue> mine = Map.of("a", v("uno"), "b", v("dos de Luis"));
        Merge.Result result = Merge.apply(base, current, mine);
        assertThat(result.values()).containsEntry("a", v("uno de Ana")).containsEntry("b", v("dos de Luis"));
        assertThat(result.changed()).containsExactly("b");
        assertThat(result.conflicts()).isEmpty();
    }

    @Test
    void theSameFieldChangedTwiceIsAConflictKeepingBothTexts() {
        Map<String, JsonValue> base = Map.of("a", v("uno"));
        Merge.Result result = Merge.apply(base, Map.of("a", v("de Ana")), Map.of("a", v("de Luis")));
        assertThat(result.values()).containsEntry("a", v("de Ana"));
        assertThat(result.conflicts()).containsExactly(new Merge.Conflict("a", v("de Luis")));
        assertThat(result.changed()).isEmpty();
    }

    @Test
    void theSameChangeTwiceIsNoConflictAndAnUntouchedSaveChangesNothing() {
        Map<String, JsonValue> base = Map.of("a", v("uno"));
        assertThat(Merge.apply(base, Map.of("a", v("igual")), Map.of("a", v("igual"))).conflicts()).isEmpty();
        Merge.Result nothing = Merge.apply(base, Map.of("a", v("de Ana")), Map.of("a", v("uno")));
        assertThat(nothing.values()).containsEntry("a", v("de Ana"));
        assertThat(nothing.changed()).isEmpty();
    }

    @Test
    void aFieldOnlyTheSaverChangedSinceTheBaseIsTheirsToChangeAgain() {
        Map<String, JsonValue> base = Map.of("a", v("uno"));
        Merge.Result again = Merge.apply(base, Map.of("a", v("primer autoguardado")), Map.of("a", v("segundo autoguardado")),
                field -> field.equals("a"));
        assertThat(again.values()).containsEntry("a", v("segundo autoguardado"));
        assertThat(again.conflicts()).isEmpty();
    }
}
