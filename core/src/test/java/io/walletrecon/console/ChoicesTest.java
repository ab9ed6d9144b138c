package io.walletrecon.console;

import io.walletrecon.data.PageView;
import io.walletrecon.dispatch.PaymentService;
import io.walletrecon.receivables.ReceivableService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChoicesTest {

    @Test
    void filtersOfferExactlyTheTypesAndStatusesTheServicesAccept() {
        assertEquals(PaymentService.TYPES, Set.copyOf(Choices.paymentTypes()));
        assertEquals(ReceivableService.STATUSES, Set.copyOf(Choices.receivableStatuses()));
        assertEquals(Choices.paymentTypes().size(), Set.copyOf(Choices.paymentTypes()).size());
        assertEquals(Choices.receivableStatuses().size(), Set.copyOf(Choices.receivableStatuses()).size());
    }

    @Test
    void aPageHasANextPageOnlyWhenRowsLieBeyondIt() {
        assertTrue(Choices.hasNext(new PageView<>(List.of(), 0, 50, 51)));
        assertFalse(Choices.hasNext(new PageView<>(List.of(), 0, 50, 50)));
        assertFalse(Choices.hasNext(new PageView<>(List.of(), 1, 50, 100)));
        assertTrue(Choices.hasNext(new PageView<>(List.of(), 1, 50, 101)));
        assertFalse(Choices.hasNext(new PageView<>(List.of(), Integer.MAX_VALUE - 1, 500, 1000)), "no int overflow");
        assertEquals(0, Choices.previousPage(new PageView<>(List.of(), 0, 50, 10)));
        assertEquals(2, Choices.nextPage(new PageView<>(List.of(), 1, 50, 1000)));
    }
}
