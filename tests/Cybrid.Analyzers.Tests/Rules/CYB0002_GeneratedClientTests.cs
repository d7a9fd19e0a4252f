using System.Threading.Tasks;
using Cybrid.Analyzers.Tests.Stubs;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Cybrid.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Cybrid.Analyzers.Rules.PrivilegedTokenOnCustomerRequestAnalyzer,
    Cybrid.Analyzers.CodeFixes.Rules.PrivilegedTokenOnCustomerRequestCodeFix>;

namespace Cybrid.Analyzers.Tests.Rules
{
    /// <summary>CYB0002 on a generated Cybrid client (openapi-generator shape, written here as stubs).</summary>
    public class CYB0002_GeneratedClientTests
    {
        internal const string Usings = @"using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cybrid.Bank.Api;
using Cybrid.Bank.Client;
using Cybrid.Bank.Model;
";

        internal static DiagnosticResult Expected(string kind, string requests, string scopes, int location = 0)
            => Verify.Diagnostic(Descriptors.CYB0002_PrivilegedTokenOnCustomerRequest).WithLocation(location).WithArguments(requests, kind == "organization" ? "an organization" : "a bank", scopes);

        /// <summary>An analyzer-only test with the client stubs (the fixed state stays empty: no fix expected).</summary>
        internal static Verify.Test Analyze(string source, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = source };
            test.TestState.Sources.Add(("/Stubs.cs", CYB0002Stubs.BankClient));
            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        private static string InClass(string body, string parameters = "string customerGuid") => Usings + @"
class Integration
{
    async Task RunAsync(" + parameters + @")
    {
        " + body + @"
    }
}";

        [Fact]
        public async Task BankTokenInConfigurationInitializer_OnCustomerQuote_IsReported()
        {
            await Analyze(InClass(@"var bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");
        var quotes = new QuotesBankApi(new Configuration { BasePath = ""https://bank.sandbox.cybrid.app"", AccessToken = {|#0:bankToken|} });
        await quotes.CreateQuoteAsync(new PostQuoteBankModel { ProductType = ""trading"", CustomerGuid = customerGuid, Symbol = ""BTC-USD"", Side = ""buy"" });"),
                Expected("bank", "request POST /api/quotes (CreateQuote)", "scope 'quotes:execute'")).RunAsync();
        }

        [Theory]
        [InlineData("new PostQuoteBankModel { ProductType = \"trading\", Symbol = \"BTC-USD\" }")]
        [InlineData("new PostQuoteBankModel { ProductType = \"trading\", CustomerGuid = null }")]
        [InlineData("new PostQuoteBankModel(productType: \"trading\", symbol: \"BTC-USD\")")]
        [InlineData("model")]
        public async Task BankQuote_WithoutCustomer_IsNotReported(string model)
        {
            await Analyze(InClass(@"var bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");
        var model = new PostQuoteBankModel { ProductType = ""trading"" };
        var quotes = new QuotesBankApi(new Configuration { AccessToken = bankToken });
        await quotes.CreateQuoteAsync(" + model + ");")).RunAsync();
        }

        [Theory]
        [InlineData("new PostQuoteBankModel(productType: \"trading\", customerGuid: customerGuid)")]
        [InlineData("model")]
        public async Task CustomerGuidByConstructorOrLaterWrite_IsReported(string model)
        {
            await Analyze(InClass(@"var bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");
        var model = new PostQuoteBankModel { ProductType = ""trading"" };
        model.CustomerGuid = customerGuid;
        var quotes = new QuotesBankApi(new Configuration { AccessToken = {|#0:bankToken|} });
        quotes.CreateQuote(" + model + ");"),
                Expected("bank", "request POST /api/quotes (CreateQuote)", "scope 'quotes:execute'")).RunAsync();
        }

        [Fact]
        public async Task TokenFromClientCredentials_AssignedToConfigurationLocal_TradeFromCustomerQuote_IsReportedOnce()
        {
            var source = CYB0002_RawHttpClientTests.Usings.Replace("using System;", "using System;\nusing Cybrid.Bank.Api;\nusing Cybrid.Bank.Client;\nusing Cybrid.Bank.Model;") + @"
class Trading
{" + CYB0002_RawHttpClientTests.FetchBankToken + @"
    async Task<TradeBankModel> BuyAsync(HttpClient http, string customerGuid)
    {
        var configuration = new Configuration { BasePath = ""https://bank.sandbox.cybrid.app"" };
        configuration.AccessToken = {|#0:await FetchAsync(http)|};
        var quote = await new QuotesBankApi(configuration).CreateQuoteAsync(new PostQuoteBankModel { ProductType = ""trading"", CustomerGuid = customerGuid, Symbol = ""BTC-USD"", Side = ""buy"" });
        var trades = new TradesBankApi(configuration);
        return await trades.CreateTradeWithHttpInfoAsync(new PostTradeBankModel { QuoteGuid = quote.Guid });
    }
}";
            await Analyze(source, Expected("bank", "requests POST /api/quotes (CreateQuote) and POST /api/trades (CreateTrade)", "scopes 'quotes:execute' and 'trades:execute'")).RunAsync();
        }

        [Fact]
        public async Task GlobalConfigurationToken_TradeFromCustomerQuote_IsReported()
        {
            await Analyze(Usings + @"
class Trading
{
    public Trading(string bankToken)
    {
        GlobalConfiguration.Instance.AccessToken = {|#0:bankToken|};
    }

    async Task BuyAsync(string customerGuid)
    {
        var quote = await new QuotesBankApi(""https://bank.sandbox.cybrid.app"").CreateQuoteAsync(new PostQuoteBankModel(customerGuid: customerGuid));
        await new TradesBankApi().CreateTradeAsync(new PostTradeBankModel(quote.Guid));
    }
}", Expected("bank", "requests POST /api/quotes (CreateQuote) and POST /api/trades (CreateTrade)", "scopes 'quotes:execute' and 'trades:execute'")).RunAsync();
        }

        [Fact]
        public async Task GlobalConfigurationToken_AlsoSetInAnotherClass_IsNotReported()
        {
            var test = Analyze(Usings + @"
class Trading
{
    public Trading(string bankToken)
    {
        GlobalConfiguration.Instance.AccessToken = bankToken;
    }

    Task<QuoteBankModel> QuoteAsync(string customerGuid) => new QuotesBankApi().CreateQuoteAsync(new PostQuoteBankModel { CustomerGuid = customerGuid });
}");
            test.TestState.Sources.Add(("/Startup.cs", @"class Startup
{
    void UseCustomerToken(string customerToken) => Cybrid.Bank.Client.GlobalConfiguration.Instance.AccessToken = customerToken;
}"));
            await test.RunAsync();
        }

        [Fact]
        public async Task OAuthClientCredentialsConfiguration_IsReportedWhereTheSecretIsSet()
        {
            await Analyze(InClass(@"var configuration = new Configuration
        {
            BasePath = ""https://bank.sandbox.cybrid.app"",
            OAuthTokenUrl = ""https://id.sandbox.cybrid.app/oauth/token"",
            OAuthClientId = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_ID""),
            {|#0:OAuthClientSecret = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET"")|},
        };
        await new AccountsBankApi(configuration).CreateAccountAsync(new PostAccountBankModel { Type = ""trading"", CustomerGuid = customerGuid, Asset = ""BTC"" });"),
                Expected("bank", "request POST /api/accounts (CreateAccount)", "scope 'accounts:execute'")).RunAsync();
        }

        [Fact]
        public async Task ApiFieldsConfiguredInConstructor_AreReportedInTheConstructor()
        {
            await Analyze(Usings + @"
public sealed class CustomerDirectory
{
    private readonly CustomersBankApi _customers;
    private readonly Configuration _configuration;

    public CustomerDirectory(string bankToken)
    {
        _configuration = new Configuration { BasePath = ""https://bank.sandbox.cybrid.app"", AccessToken = {|#0:bankToken|} };
        _customers = new CustomersBankApi(_configuration);
    }

    public Task<CustomerBankModel> FindAsync(string customerGuid) => _customers.GetCustomerAsync(customerGuid);

    public Task<CustomerBankModel> FreezeAsync(string customerGuid) => _customers.UpdateCustomerAsync(customerGuid, new PatchCustomerBankModel { State = ""frozen"" });

    public Task<CustomerBankModel> OnboardAsync() => _customers.CreateCustomerAsync(new PostCustomerBankModel { Type = ""individual"" });

    public Task<CustomerListBankModel> AllAsync() => _customers.ListCustomersAsync();
}", Expected("bank", "requests GET /api/customers/{customer_guid} (GetCustomer) and PATCH /api/customers/{customer_guid} (UpdateCustomer)", "scopes 'customers:read' and 'customers:write'")).RunAsync();
        }

        [Theory]
        [InlineData("await trades.ListTradesAsync(customerGuid: customerGuid);", true)]
        [InlineData("await trades.ListTradesAsync(perPage: 50, customerGuid: customerGuid);", true)]
        [InlineData("await trades.ListTradesAsync(customerGuid: string.Join(\",\", customerGuids));", false)]
        [InlineData("await trades.ListTradesAsync(customerGuid: \"a,b\");", false)]
        [InlineData("await trades.ListTradesAsync();", false)]
        [InlineData("await trades.ListTradesAsync(bankGuid: customerGuid);", false)]
        public async Task ListFilteredToCustomers_IsReportedOnlyForOne(string call, bool reported)
        {
            var source = InClass(@"var bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");
        var trades = new TradesBankApi(new Configuration { AccessToken = " + (reported ? "{|#0:bankToken|}" : "bankToken") + @" });
        " + call, "string customerGuid, string[] customerGuids");
            await (reported
                ? Analyze(source, Expected("bank", "request GET /api/trades (ListTrades)", "scope 'trades:read'"))
                : Analyze(source)).RunAsync();
        }

        [Theory]
        [InlineData("await new CustomersBankApi(configuration).CreateCustomerAsync(new PostCustomerBankModel { Type = \"individual\" });")]
        [InlineData("await new CustomersBankApi(configuration).ListCustomersAsync();")]
        [InlineData("await new CounterpartiesBankApi(configuration).CreateCounterpartyAsync(new PostCounterpartyBankModel { Type = \"individual\", CustomerGuid = customerGuid });")]
        [InlineData("await new PricesBankApi(configuration).ListPricesAsync(\"BTC-USD\");")]
        [InlineData("await new QuotesBankApi(configuration).GetQuoteAsync(customerGuid);")]
        [InlineData("await new Cybrid.Organization.Api.QuotesApi(new Cybrid.Organization.Client.Configuration { AccessToken = bankToken }).CreateQuoteAsync(new { customer_guid = customerGuid });")]
        [InlineData("await new Cybrid.Organization.Api.SubscriptionsOrganizationApi(new Cybrid.Organization.Client.Configuration { AccessToken = bankToken }).CreateSubscriptionAsync(new Cybrid.Organization.Api.PostSubscriptionOrganizationModel { CustomerGuid = customerGuid });")]
        [InlineData("await new Cybrid.Identity.Api.CustomerTokensIdpApi(new Cybrid.Identity.Client.Configuration { AccessToken = bankToken }).CreateCustomerTokenAsync(new Cybrid.Identity.Model.PostCustomerTokenIdpModel(customerGuid, new List<string> { \"quotes:execute\" }));")]
        public async Task BankLevelIdentityAndOrganizationCalls_AreNotReported(string call)
        {
            await Analyze(InClass(@"var bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");
        var configuration = new Configuration { AccessToken = bankToken };
        " + call)).RunAsync();
        }

        [Fact]
        public async Task CustomerTokenFromIdentityApi_IsNotReported()
        {
            await Analyze(InClass(@"var bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");
        var identity = new Cybrid.Identity.Api.CustomerTokensIdpApi(new Cybrid.Identity.Client.Configuration { BasePath = ""https://id.sandbox.cybrid.app"", AccessToken = bankToken });
        var minted = await identity.CreateCustomerTokenAsync(new Cybrid.Identity.Model.PostCustomerTokenIdpModel(customerGuid, new List<string> { ""quotes:execute"" }));
        var quotes = new QuotesBankApi(new Configuration { AccessToken = minted.AccessToken });
        await quotes.CreateQuoteAsync(new PostQuoteBankModel { CustomerGuid = customerGuid });")).RunAsync();
        }

        [Fact]
        public async Task ApiFromDependencyInjection_WithoutVisibleConfiguration_IsNotReported()
        {
            await Analyze(Usings + @"
class Trading
{
    private readonly QuotesBankApi _quotes;
    private readonly string _bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");

    public Trading(QuotesBankApi quotes) { _quotes = quotes; }

    Task<QuoteBankModel> QuoteAsync(string customerGuid) => _quotes.CreateQuoteAsync(new PostQuoteBankModel { CustomerGuid = customerGuid });
}").RunAsync();
        }

        [Fact]
        public async Task InjectedApi_WithConfigurationTokenSetHere_IsReported()
        {
            await Analyze(Usings + @"
class Trading
{
    private readonly TransfersBankApi _transfers;

    public Trading(TransfersBankApi transfers, string bankToken)
    {
        _transfers = transfers;
        _transfers.Configuration.AccessToken = {|#0:bankToken|};
    }

    Task<TransferBankModel> PayoutAsync(string customerGuid) => _transfers.CreateTransferAsync(new PostTransferBankModel { TransferType = ""lightning"", CustomerGuid = customerGuid });
}", Expected("bank", "request POST /api/transfers (CreateTransfer)", "scope 'transfers:execute'")).RunAsync();
        }
    }
}
