package io.walletrecon.console;

import io.walletrecon.matching.ExceptionAge;
import io.walletrecon.matching.ExceptionService;
import io.walletrecon.matching.ExceptionStatus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExceptionChoicesTest {

    @Test
    void theQueueOffersExactlyTheTypesStatusesAndAgesTheServiceAccepts() {
        assertEquals(ExceptionService.TYPES, Set.copyOf(ExceptionTemplateModels.exceptionTypes()));
        assertEquals(ExceptionService.TYPES.size(), ExceptionTemplateModels.exceptionTypes().size());
        assertEquals(Arrays.stream(ExceptionStatus.values()).map(ExceptionStatus::code).toList(),
                ExceptionTemplateModels.exceptionStatuses());
        assertEquals(Arrays.stream(ExceptionAge.values()).map(ExceptionAge::code).toList(),
                ExceptionTemplateModels.exceptionAges());
    }
}
