using System.Threading.Tasks;
using Cybrid.Analyzers.Tests.Stubs;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Cybrid.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Cybrid.Analyzers.Rules.PrivilegedTokenOnCustomerRequestAnalyzer,
    Cybrid.Analyzers.CodeFixes.Rules.PrivilegedTokenOnCustomerRequestCodeFix>;

namespace Cybrid.Analyzers.Tests.Rules
{
    /// <summary>CYB0002's fix: the token expression becomes a call to a customer-token source in reach.</summary>
    public class CYB0002_CodeFixTests
    {
        private const string Usings = CYB0002_RawHttpClientTests.Usings;

        /// <summary>A class whose own method mints customer tokens; the bank token comes from a named field.</summary>
        private static string QuoteService(string tokenExpression) => Usings + @"
class QuoteService
{
    private readonly HttpClient _http = new HttpClient();
    private readonly string _bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");

    private async Task<string> GetCustomerTokenAsync(string customerGuid, string[] scopes)
    {
        using var mint = new HttpRequestMessage(HttpMethod.Post, ""https://id.sandbox.cybrid.app/api/customer_tokens"")
        {
            Content = JsonContent.Create(new { customer_guid = customerGuid, scopes }),
        };
        mint.Headers.Authorization = new AuthenticationHeaderValue(""Bearer"", _bankToken);
        var response = await _http.SendAsync(mint);
        return (await response.Content.ReadFromJsonAsync<TokenResponse>()).AccessToken;
    }

    public async Task QuoteAsync(string customerGuid)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ""https://bank.sandbox.cybrid.app/api/quotes"")
        {
            Content = JsonContent.Create(new { product_type = ""trading"", customer_guid = customerGuid, symbol = ""BTC-USD"", side = ""buy"" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(""Bearer"", " + tokenExpression + @");
        await _http.SendAsync(request);
    }
}";

        [Fact]
        public async Task MethodOfTheSameType_ReplacesTheToken_WithScopes()
        {
            await Verify.VerifyCodeFixAsync(
                QuoteService("{|CYB0002:_bankToken|}"),
                QuoteService("await GetCustomerTokenAsync(customerGuid, new[] { \"quotes:execute\" })"));
        }

        [Fact]
        public async Task FixTitleAndEquivalenceKey_NameTheSource()
        {
            await new Verify.Test
            {
                TestCode = QuoteService("{|CYB0002:_bankToken|}"),
                FixedCode = QuoteService("await GetCustomerTokenAsync(customerGuid, new[] { \"quotes:execute\" })"),
                CodeActionEquivalenceKey = "CYB0002.UseCustomerToken",
                CodeActionVerifier = (action, verifier) => verifier.Equal("Use a customer token from GetCustomerTokenAsync", action.Title),
            }.RunAsync();
        }

        [Fact]
        public async Task InjectedService_WithCancellationToken_AndInterpolatedHeader_IsUsed()
        {
            static string Source(string token) => Usings + @"
public interface IBankTokenSource { Task<string> GetBankTokenAsync(CancellationToken cancellationToken); }
public interface ICustomerTokenService { Task<string> GetCustomerTokenAsync(string customerGuid, IEnumerable<string> scopes, CancellationToken cancellationToken = default); }

class Accounts
{
    private readonly IBankTokenSource _bank;
    private readonly ICustomerTokenService _tokens;

    public Accounts(IBankTokenSource bank, ICustomerTokenService tokens) { _bank = bank; _tokens = tokens; }

    public async Task OpenAsync(HttpClient http, Customer customer, CancellationToken cancellationToken)
    {
        http.DefaultRequestHeaders.Remove(""Authorization"");
        http.DefaultRequestHeaders.Add(""Authorization"", $""Bearer {" + token + @"}"");
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/accounts"", new { type = ""trading"", asset = ""BTC"", customer_guid = customer.Guid }, cancellationToken);
    }
}

public class Customer { public string Guid { get; set; } }";
            await Verify.VerifyCodeFixAsync(
                Source("{|CYB0002:await _bank.GetBankTokenAsync(cancellationToken)|}"),
                Source("await _tokens.GetCustomerTokenAsync(customer.Guid, new[] { \"accounts:execute\" }, cancellationToken)"));
        }

        [Fact]
        public async Task ConfiguredCustomerTokenSource_WithParamsScopes_IsUsed()
        {
            static string Source(string token) => Usings + @"
namespace Acme.Auth
{
    public interface ITokenBroker
    {
        Task<string> MintAsync(string customerId, params string[] scopes);
        Task<string> ForBankAsync();
    }
}

class Trades
{
    private readonly Acme.Auth.ITokenBroker _broker;

    public Trades(Acme.Auth.ITokenBroker broker) { _broker = broker; }

    public async Task ListAsync(HttpClient http, string customerGuid)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", " + token + @");
        await http.GetAsync(""https://bank.sandbox.cybrid.app/api/trades?customer_guid="" + customerGuid);
    }
}";
            await new Verify.Test
            {
                TestCode = Source("{|CYB0002:await _broker.ForBankAsync()|}"),
                FixedCode = Source("await _broker.MintAsync(customerGuid, \"trades:read\")"),
            }.WithEditorConfig(
                "cybrid_analyzers.CYB0002.bank_token_sources = M:Acme.Auth.ITokenBroker.ForBankAsync",
                "cybrid_analyzers.CYB0002.customer_token_sources = M:Acme.Auth.ITokenBroker.MintAsync(System.String,System.String[])").RunAsync();
        }

        [Fact]
        public async Task ConfiguredStaticSource_InSyncCode_IsCalledWithoutAwait_AndSimplified()
        {
            static string Source(string token) => @"using Acme.Auth;
using Cybrid.Bank.Api;
using Cybrid.Bank.Client;

namespace Acme.Auth
{
    public static class CustomerTokens { public static string Issue(string customerGuid, string scope) => null; }
    public static class BankTokens { public static string Current() => null; }
}

class Directory
{
    public void Find(string customerGuid)
    {
        var customers = new CustomersBankApi(new Configuration { AccessToken = " + token + @" });
        customers.GetCustomerAsync(customerGuid).Wait();
    }
}";
            var test = new Verify.Test
            {
                TestCode = Source("{|CYB0002:BankTokens.Current()|}"),
                FixedCode = Source("CustomerTokens.Issue(customerGuid, \"customers:read\")"),
            }.WithSources(CYB0002Stubs.BankClient).WithEditorConfig(
                "cybrid_analyzers.bank_token_sources = Acme.Auth.BankTokens.*",
                "cybrid_analyzers.customer_token_sources = T:Acme.Auth.CustomerTokens.Issue");
            await test.RunAsync();
        }

        [Fact]
        public async Task GeneratedClientConfiguration_TradeFromCustomerQuote_GetsBothScopes()
        {
            static string Source(string token) => CYB0002_GeneratedClientTests.Usings + @"
class Trading
{
    private readonly string _bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");

    private Task<string> CreateCustomerTokenAsync(string customerGuid, IReadOnlyList<string> scopes) => Task.FromResult<string>(null);

    public async Task BuyAsync(string customerGuid)
    {
        var configuration = new Configuration { BasePath = ""https://bank.sandbox.cybrid.app"", AccessToken = " + token + @" };
        var quote = await new QuotesBankApi(configuration).CreateQuoteAsync(new PostQuoteBankModel { ProductType = ""trading"", CustomerGuid = customerGuid });
        await new TradesBankApi(configuration).CreateTradeAsync(new PostTradeBankModel { QuoteGuid = quote.Guid });
    }
}";
            await new Verify.Test
            {
                TestCode = Source("{|CYB0002:_bankToken|}"),
                FixedCode = Source("await CreateCustomerTokenAsync(customerGuid, new[] { \"quotes:execute\", \"trades:execute\" })"),
            }.WithSources(CYB0002Stubs.BankClient).RunAsync();
        }

        [Fact]
        public async Task FixAll_ReplacesEveryTokenInTheProject()
        {
            static string First(string token) => Usings + @"
partial class Service
{
    private readonly string _bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");

    private string GetCustomerToken(string customerGuid, string scope) => null;

    public async Task QuoteAsync(HttpClient http, string customerGuid)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", " + token + @");
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { customer_guid = customerGuid });
    }
}";
            static string Second(string first, string second) => @"using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.Tasks;

partial class Service
{
    public async Task WalletsAsync(HttpClient http, string customerGuid)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ""https://bank.sandbox.cybrid.app/api/external_wallets?customer_guid="" + customerGuid);
        request.Headers.Authorization = new AuthenticationHeaderValue(""Bearer"", " + first + @");
        await http.SendAsync(request);
    }

    public async Task CustomerAsync(HttpClient other, string customerGuid)
    {
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", " + second + @");
        await other.GetAsync($""https://bank.sandbox.cybrid.app/api/customers/{customerGuid}"");
    }
}";
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/A.cs", First("{|CYB0002:_bankToken|}")));
            test.TestState.Sources.Add(("/B.cs", Second("{|CYB0002:_bankToken|}", "{|CYB0002:_bankToken|}")));
            test.FixedState.Sources.Add(("/A.cs", First("GetCustomerToken(customerGuid, \"quotes:execute\")")));
            test.FixedState.Sources.Add(("/B.cs", Second("GetCustomerToken(customerGuid, \"external_wallets:read\")", "GetCustomerToken(customerGuid, \"customers:read\")")));
            await test.RunAsync();
        }

        [Fact]
        public async Task CSharp73_FixStillCompiles()
        {
            static string Source(string token) => @"using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

class Legacy
{
    private readonly string _bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");

    private Task<string> GetCustomerTokenAsync(string customerGuid, string scopes) { return Task.FromResult(customerGuid); }

    public async Task QuoteAsync(HttpClient http, string customerGuid)
    {
        using (var request = new HttpRequestMessage(HttpMethod.Post, ""https://bank.sandbox.cybrid.app/api/quotes""))
        {
            request.Content = new StringContent(""{\""product_type\"":\""trading\"",\""customer_guid\"":\"""" + customerGuid + ""\""}"", Encoding.UTF8, ""application/json"");
            request.Headers.Authorization = new AuthenticationHeaderValue(""Bearer"", " + token + @");
            await http.SendAsync(request);
        }
    }
}";
            await new Verify.Test
            {
                TestCode = Source("{|CYB0002:_bankToken|}"),
                FixedCode = Source("await GetCustomerTokenAsync(customerGuid, \"quotes:execute\")"),
                LanguageVersion = LanguageVersion.CSharp7_3,
            }.RunAsync();
        }

        [Fact]
        public async Task SampleApp_ShowsOneFinding_AndItsFix()
        {
            var path = System.IO.Path.Combine(Infrastructure.PackageCatalog.RepositoryRoot, "samples", "Cybrid.Sample", "CybridTradingService.cs");
            var text = System.IO.File.ReadAllText(path);
            const string Header = "new AuthenticationHeaderValue(\"Bearer\", bankToken)";
            Assert.Equal(text.IndexOf(Header, System.StringComparison.Ordinal), text.LastIndexOf(Header, System.StringComparison.Ordinal));
            await new Verify.Test
            {
                TestCode = text.Replace(Header, "new AuthenticationHeaderValue(\"Bearer\", {|CYB0002:bankToken|})"),
                FixedCode = text.Replace(Header, "new AuthenticationHeaderValue(\"Bearer\", await GetCustomerTokenAsync(customerGuid, new[] { \"quotes:execute\", \"trades:execute\" }, cancellationToken))"),
            }.RunAsync();
        }

        // ---- reported, but no fix ---------------------------------------------------------------------------

        [Theory]
        [InlineData("public void Quote(HttpClient http, string customerGuid)", "private Task<string> GetCustomerTokenAsync(string customerGuid) => null;")]
        [InlineData("public async Task Quote(HttpClient http, string customerGuid)", "")]
        [InlineData("public async Task Quote(HttpClient http, string customerGuid)", "private Task<string> GetCustomerTokenAsync(string customerGuid, int ttl) => null;")]
        [InlineData("public async Task Quote(HttpClient http, string customerGuid)", "private Task<string> GetCustomerTokenAsync(int customerId) => null;")]
        [InlineData("public async Task Quote(HttpClient http, string customerGuid)", "private Task<string> GetCustomerTokenAsync(string customerGuid, List<string> scopes) => null;")]
        [InlineData("public async Task Quote(HttpClient http, string customerGuid)", "private Task<CustomerAccess> GetCustomerTokenAsync(string customerGuid) => null;")]
        public async Task NoCallableSource_IsReportedWithoutFix(string signature, string source)
        {
            var code = Usings + @"
public class CustomerAccess { }

class Service
{
    private readonly string _bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");
    " + source + @"

    " + signature + @"
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0002:_bankToken|});
        http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { customer_guid = customerGuid }).Wait();
    }
}";
            await new Verify.Test { TestCode = code, FixedCode = code }.RunAsync();
        }

        [Fact]
        public async Task CustomerGuidOutOfScope_OrDifferentCustomers_IsReportedWithoutFix()
        {
            var code = Usings + @"
public sealed class CybridBankClient
{
    private readonly HttpClient _http;

    public CybridBankClient(HttpClient http, string bankToken)
    {
        _http = http;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0002:bankToken|});
    }

    private Task<string> GetCustomerTokenAsync(string customerGuid) => null;

    public Task QuoteAsync(string customerGuid) => _http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { customer_guid = customerGuid });
}

class Transfers
{
    private Task<string> GetCustomerTokenAsync(string customerGuid) => null;

    public async Task MoveAsync(HttpClient http, string fromCustomer, string toCustomer, string bankToken)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0002:bankToken|});
        await http.GetAsync(""https://bank.sandbox.cybrid.app/api/accounts?customer_guid="" + fromCustomer);
        await http.GetAsync(""https://bank.sandbox.cybrid.app/api/accounts?customer_guid="" + toCustomer);
    }
}";
            await new Verify.Test { TestCode = code, FixedCode = code }.RunAsync();
        }

        [Fact]
        public async Task CustomerGuidDeclaredAfterTheToken_IsReportedWithoutFix()
        {
            var code = Usings + @"
class Service
{
    private Task<string> GetCustomerTokenAsync(string customerGuid) => null;

    public async Task QuoteAsync(HttpClient http, Func<string> next, string bankToken)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0002:bankToken|});
        var customerGuid = next();
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { customer_guid = customerGuid });
    }
}";
            await new Verify.Test { TestCode = code, FixedCode = code }.RunAsync();
        }
    }
}
