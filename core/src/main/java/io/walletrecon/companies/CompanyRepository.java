package io.walletrecon.companies;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CompanyRepository implements PanacheRepository<Company> {

    public Uni<Company> findByCode(String code) {
        return find("code", code).firstResult();
    }

    public Uni<List<Company>> all() {
        return listAll(Sort.by("code"));
    }
}
