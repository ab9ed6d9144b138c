package io.walletrecon.data;

import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagingTest {

    private static Paging paging(int defaultSize, int maxSize) {
        return new Paging(new PagingConfig() {
            @Override
            public int defaultSize() {
                return defaultSize;
            }

            @Override
            public int maxSize() {
                return maxSize;
            }
        });
    }

    @Test
    void absentSizeIsTheConfiguredDefault() {
        assertEquals(20, paging(20, 100).size(null));
        assertEquals(7, paging(20, 100).size(7));
    }

    @Test
    void sizeAboveTheConfiguredMaximumIsRefusedNamingIt() {
        ApiException refused = assertThrows(ApiException.class, () -> paging(20, 100).require(0, 101));

        assertEquals("size must be between 1 and 100", refused.getMessage());
        assertDoesNotThrow(() -> paging(20, 100).require(0, 100));
    }

    @Test
    void negativePageAndEmptySizeAreBothListed() {
        List<ProblemError> errors = new ArrayList<>();

        paging(20, 100).check(-1, 0, errors);

        assertEquals(List.of("page", "size"), errors.stream().map(ProblemError::field).toList());
    }

    @Test
    void pageStartingBeyondTheMaximumOffsetIsRefused() {
        List<ProblemError> errors = new ArrayList<>();

        Paging.check(10_001, 100, 100, errors);

        assertEquals(1, errors.size());
        assertEquals("page", errors.get(0).field());
        assertDoesNotThrow(() -> paging(20, 100).require(10_000, 100));
    }

    @Test
    void offsetOfLargePagesDoesNotOverflow() {
        assertEquals(2_147_483_647L * 1000, Paging.offset(Integer.MAX_VALUE, 1000));
    }
}
