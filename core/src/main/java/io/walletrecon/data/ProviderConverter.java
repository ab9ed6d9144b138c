package io.walletrecon.data;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Provider} as its lower-case code, as the schema's check constraint expects. */
@Converter(autoApply = true)
public class ProviderConverter implements AttributeConverter<Provider, String> {
    @Override
    public String convertToDatabaseColumn(Provider provider) {
        return provider == null ? null : provider.code();
    }

    @Override
    public Provider convertToEntityAttribute(String code) {
        return code == null ? null : Provider.fromCode(code);
    }
}
