package io.walletrecon.reports.statements;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.LocalDate;

/**
 * The parameters every route under /reports/{name} shares, injected with {@code @BeanParam} so that each format
 * method (and the export start) declares and documents them once. A plain class with fields rather than a record:
 * Quarkus REST injects bean parameters into fields, and the generated injector needs no reflection in native.
 * Dates go through {@link io.walletrecon.problem.DateParamConverterProvider} like any other parameter.
 */
public class ReportRequest {

    @PathParam("name")
    @Parameter(description = "reconciliation | differences | fund-flow | customer-statement")
    public String name;

    @QueryParam("account")
    @Parameter(description = "Account code (required for reconciliation; a filter elsewhere)")
    public String account;

    @QueryParam("from")
    @Parameter(description = "First business date, yyyy-MM-dd (inclusive)")
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Last business date, yyyy-MM-dd (inclusive)")
    public LocalDate to;

    @QueryParam("groupBy")
    @Parameter(description = "fund-flow breakdown: account | channel | customer (default account)")
    public String groupBy;

    @QueryParam("period")
    @Parameter(description = "fund-flow time bucket: day | week | month (default day)")
    public String period;

    @QueryParam("customer")
    @Parameter(description = "Customer id (required for customer-statement)")
    public Long customer;

    @QueryParam("company")
    @Parameter(description = "Company code: differences and fund-flow cover only its accounts; a named account or customer must be its")
    public String company;

    @QueryParam("currency")
    @Parameter(description = "ISO 4217 filter (differences, fund-flow)")
    public String currency;

    @QueryParam("lang")
    @Parameter(description = "Language of the file's labels: en | zh-CN (default: Accept-Language, then configuration)")
    public String lang;

    @HeaderParam("Accept-Language")
    @Parameter(description = "Language of the file's labels when lang is not given (zh-CN, en)")
    public String acceptLanguage;

    public ReportQuery query() {
        return new ReportQuery(account, from, to, groupBy, period, customer, currency, company);
    }
}
