package io.walletrecon.problem;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValidationTest {

    @Test
    void nothingFoundWrongRefusesNothing() {
        assertDoesNotThrow(() -> Validation.refuseIfAny(new ArrayList<>()));
    }

    @Test
    void refusalNamesTheFirstProblemAndListsThemAll() {
        List<ProblemError> errors = List.of(ProblemError.field("size", "must be between 1 and 500"),
                ProblemError.field("status", "must be one of open, closed"));

        ApiException refused = assertThrows(ApiException.class, () -> Validation.refuseIfAny(errors));

        assertEquals(ProblemType.VALIDATION, refused.type());
        assertEquals(400, refused.toProblem().status());
        assertEquals("size must be between 1 and 500", refused.getMessage());
        assertEquals(errors, refused.errors());
    }

    @Test
    void contentThatCannotBeProcessedIsRefusedAsUnprocessable() {
        List<ProblemError> errors = List.of(ProblemError.field("items[0]", "is matched already"));

        ApiException refused = assertThrows(ApiException.class,
                () -> Validation.refuseIfAny(ProblemType.UNPROCESSABLE, errors));

        assertEquals(422, refused.toProblem().status());
        assertEquals("items[0] is matched already", refused.getMessage());
    }
}
