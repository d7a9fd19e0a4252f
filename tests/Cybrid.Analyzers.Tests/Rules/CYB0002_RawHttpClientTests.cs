using System.Threading.Tasks;
using Xunit;
using Verify = Cybrid.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Cybrid.Analyzers.Rules.PrivilegedTokenOnCustomerRequestAnalyzer,
    Cybrid.Analyzers.CodeFixes.Rules.PrivilegedTokenOnCustomerRequestCodeFix>;

namespace Cybrid.Analyzers.Tests.Rules
{
    /// <summary>CYB0002 on raw <c>HttpClient</c> code: the common shapes of token requests, Bank API requests, bodies and authorization.</summary>
    public class CYB0002_RawHttpClientTests
    {
        internal const string Usings = @"using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

public sealed class TokenResponse
{
    [JsonPropertyName(""access_token"")] public string AccessToken { get; set; }
    [JsonPropertyName(""expires_in"")] public int ExpiresIn { get; set; }
}
";

        /// <summary>A method that gets a bank token from the token endpoint with a JSON client-credentials grant.</summary>
        internal const string FetchBankToken = @"
    private static async Task<string> FetchAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync(""https://id.sandbox.cybrid.app/oauth/token"", new
        {
            grant_type = ""client_credentials"",
            client_id = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_ID""),
            client_secret = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET""),
            scope = ""quotes:execute trades:execute accounts:execute customers:read"",
        });
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body.AccessToken;
    }
";

        private static string InClass(string members) => Usings + @"
class Integration
{" + FetchBankToken + members + @"
}";

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected(string kind, string requests, string scopes, int location = 0)
            => Verify.Diagnostic(Descriptors.CYB0002_PrivilegedTokenOnCustomerRequest).WithLocation(location).WithArguments(requests, kind == "organization" ? "an organization" : "a bank", scopes);

        // ---- token requests: the shapes of a client-credentials grant ---------------------------------------

        [Fact]
        public async Task JsonGrant_AnonymousObject_TokenOnCustomerQuote_IsReported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
class QuoteService
{
    private readonly string _clientSecret = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET"");

    async Task CreateQuoteAsync(string customerGuid)
    {
        using var http = new HttpClient();
        var tokenResponse = await http.PostAsJsonAsync(""https://id.sandbox.cybrid.app/oauth/token"", new
        {
            grant_type = ""client_credentials"",
            client_id = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_ID""),
            client_secret = _clientSecret,
            scope = ""quotes:execute trades:execute"",
        });
        var token = await tokenResponse.Content.ReadFromJsonAsync<TokenResponse>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:token.AccessToken|});
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { product_type = ""trading"", customer_guid = customerGuid, symbol = ""BTC-USD"", side = ""buy"" });
    }
}", Expected("bank", "request POST /api/quotes (CreateQuote)", "scope 'quotes:execute'"));
        }

        [Fact]
        public async Task FormGrant_SendAsyncWithRequestHeader_IsReported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
class Accounts
{
    private static readonly HttpClient Http = new HttpClient();

    async Task<HttpResponseMessage> OpenAccountAsync(string customerGuid, string clientId, string clientSecret)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [""grant_type""] = ""client_credentials"",
            [""client_id""] = clientId,
            [""client_secret""] = clientSecret,
            [""scope""] = ""accounts:execute"",
        });
        var tokenResponse = await Http.PostAsync(""https://id.production.cybrid.app/oauth/token"", form);
        var json = await tokenResponse.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);
        var accessToken = document.RootElement.GetProperty(""access_token"").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Post, ""https://bank.production.cybrid.app/api/accounts"")
        {
            Content = JsonContent.Create(new { type = ""trading"", customer_guid = customerGuid, asset = ""BTC"", name = ""Bitcoin"" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:accessToken|});
        return await Http.SendAsync(request);
    }
}", Expected("bank", "request POST /api/accounts (CreateAccount)", "scope 'accounts:execute'"));
        }

        [Fact]
        public async Task BasicAuthGrant_JsonLiteral_HeaderAddWithInterpolation_CustomerRead_IsReported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
class Customers
{
    async Task<string> GetCustomerAsync(HttpClient http, string customerGuid, string basicCredentials)
    {
        var grant = new HttpRequestMessage(HttpMethod.Post, ""https://id.sandbox.cybrid.app/oauth/token"")
        {
            Content = new StringContent(""{\""grant_type\"":\""client_credentials\"",\""scope\"":\""customers:read\""}"", Encoding.UTF8, ""application/json""),
        };
        grant.Headers.Authorization = new AuthenticationHeaderValue(""Basic"", basicCredentials);
        var granted = await http.SendAsync(grant);
        var token = (await granted.Content.ReadFromJsonAsync<TokenResponse>()).AccessToken;

        http.DefaultRequestHeaders.Add(""Authorization"", $""Bearer {{|#0:token|}}"");
        return await http.GetStringAsync($""https://bank.sandbox.cybrid.app/api/customers/{customerGuid}"");
    }
}", Expected("bank", "request GET /api/customers/{customer_guid} (GetCustomer)", "scope 'customers:read'"));
        }

        [Fact]
        public async Task OrganizationScopes_AreReportedAsOrganizationToken()
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
class Backoffice
{
    async Task ListTradesAsync(HttpClient http, string customerGuid)
    {
        var response = await http.PostAsJsonAsync(""https://id.sandbox.cybrid.app/oauth/token"", new Dictionary<string, string>
        {
            { ""grant_type"", ""client_credentials"" },
            { ""scope"", ""organizations:read banks:execute trades:read"" },
        });
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:body.AccessToken|});
        await http.GetAsync(""https://bank.sandbox.cybrid.app/api/trades?customer_guid="" + customerGuid + ""&per_page=10"");
    }
}", Expected("organization", "request GET /api/trades (ListTrades)", "scope 'trades:read'"));
        }

        [Fact]
        public async Task IdentityModelClientCredentials_WithOrganizationScope_IsAnOrganizationToken()
        {
            var test = new Verify.Test
            {
                TestState = { Sources = { Stubs.CYB0002Stubs.IdentityModel } },
                TestCode = "using IdentityModel.Client;\n" + Usings + @"
class Support
{
    async Task<string> ReadCustomerAsync(HttpClient http, string customerGuid)
    {
        var grant = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = ""https://id.sandbox.cybrid.app/oauth/token"",
            Scope = ""organizations:read customers:read"",
        });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:grant.AccessToken|});
        return await http.GetStringAsync(""https://bank.sandbox.cybrid.app/api/customers/"" + customerGuid);
    }
}",
            };
            test.ExpectedDiagnostics.Add(Expected("organization", "request GET /api/customers/{customer_guid} (GetCustomer)", "scope 'customers:read'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task IdentityModelClientCredentials_IsReported()
        {
            var test = new Verify.Test
            {
                TestState = { Sources = { Stubs.CYB0002Stubs.IdentityModel } },
                TestCode = "using IdentityModel.Client;\n" + Usings + @"
class Wallets
{
    async Task AddWalletAsync(HttpClient http, string customerGuid, string address)
    {
        var tokenResponse = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = ""https://id.sandbox.cybrid.app/oauth/token"",
            ClientId = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_ID""),
            ClientSecret = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET""),
        });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:tokenResponse.AccessToken|});
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/external_wallets"", new { name = ""cold"", asset = ""BTC"", address, customer_guid = customerGuid });
    }
}",
            };
            test.ExpectedDiagnostics.Add(Expected("bank", "request POST /api/external_wallets (CreateExternalWallet)", "scope 'external_wallets:execute'"));
            await test.RunAsync();
        }

        // ---- bodies, paths and queries that name one customer -----------------------------------------------

        [Theory]
        [InlineData("JsonContent.Create(new Dictionary<string, object> { [\"customer_guid\"] = customerGuid, [\"type\"] = \"trading\" })")]
        [InlineData("new StringContent($\"{{\\\"type\\\":\\\"trading\\\",\\\"customer_guid\\\":\\\"{customerGuid}\\\"}}\", Encoding.UTF8, \"application/json\")")]
        [InlineData("new StringContent(\"{ \\\"customer_guid\\\": \\\"\" + customerGuid + \"\\\" }\")")]
        [InlineData("new StringContent(JsonSerializer.Serialize(new AccountRequest { CustomerGuid = customerGuid, Type = \"trading\" }))")]
        [InlineData("JsonContent.Create(new AccountRequest { CustomerGuid = customerGuid })")]
        [InlineData("JsonContent.Create(new AccountRequest(customerGuid))")]
        [InlineData("JsonContent.Create(new DataContractRequest { Customer = customerGuid })")]
        [InlineData("JsonContent.Create(new NamingPolicyRequest { CustomerGuid = customerGuid })")]
        public async Task BodyShapes_NamingTheCustomer_AreReported(string content)
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
public class AccountRequest
{
    public AccountRequest() { }
    public AccountRequest(string customerGuid) { CustomerGuid = customerGuid; }
    [JsonPropertyName(""customer_guid"")] public string CustomerGuid { get; set; }
    [JsonPropertyName(""type"")] public string Type { get; set; }
}

[DataContract]
public class DataContractRequest { [DataMember(Name = ""customer_guid"")] public string Customer { get; set; } }

public class NamingPolicyRequest { public string CustomerGuid { get; set; } }

class Accounts
{" + FetchBankToken + @"
    async Task OpenAsync(string customerGuid)
    {
        using var http = new HttpClient();
        var bankToken = await FetchAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:bankToken|});
        await http.PostAsync(""https://bank.sandbox.cybrid.app/api/accounts"", " + content + @");
    }
}", Expected("bank", "request POST /api/accounts (CreateAccount)", "scope 'accounts:execute'"));
        }

        [Theory]
        [InlineData("await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/trades?customer_guid=\" + customerGuid);", "GET /api/trades (ListTrades)", "trades:read")]
        [InlineData("await http.GetAsync($\"https://bank.sandbox.cybrid.app/api/transfers?page=0&customer_guid={customerGuid}\");", "GET /api/transfers (ListTransfers)", "transfers:read")]
        [InlineData("await http.GetFromJsonAsync<JsonElement>($\"https://bank.sandbox.cybrid.app/api/accounts?customer_guid={customer.Guid}&type=trading\");", "GET /api/accounts (ListAccounts)", "accounts:read")]
        [InlineData("await http.PatchAsync($\"https://bank.sandbox.cybrid.app/api/customers/{customerGuid}\", JsonContent.Create(new { state = \"frozen\" }));", "PATCH /api/customers/{customer_guid} (UpdateCustomer)", "customers:write")]
        [InlineData("await http.GetStringAsync(new Uri(new Uri(\"https://bank.sandbox.cybrid.app/api/\"), $\"customers/{customerGuid}\"));", "GET /api/customers/{customer_guid} (GetCustomer)", "customers:read")]
        [InlineData("await http.PostAsJsonAsync(\"https://bank.sandbox.cybrid.app/api/identity_verifications\", new { type = \"kyc\", method = \"id_and_selfie\", customer_guid = customerGuid });", "POST /api/identity_verifications (CreateIdentityVerification)", "identity_verifications:execute")]
        [InlineData("await http.PostAsJsonAsync(\"https://bank.sandbox.cybrid.app/api/transfers\", new { transfer_type = \"lightning\", customer_guid = customerGuid });", "POST /api/transfers (CreateTransfer)", "transfers:execute")]
        public async Task PathQueryAndBody_NamingOneCustomer_AreReported(string call, string operation, string scope)
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
public class Customer { public string Guid { get; set; } }

class Calls
{" + FetchBankToken + @"
    async Task CallAsync(HttpClient http, string customerGuid, Customer customer)
    {
        var bankToken = await FetchAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:bankToken|});
        " + call + @"
    }
}", Expected("bank", "request " + operation, "scope '" + scope + "'"));
        }

        [Fact]
        public async Task TradeFromCustomerQuote_InTheSameMethod_IsReportedWithBothScopes()
        {
            await Verify.VerifyAnalyzerAsync(InClass(@"
    async Task BuyAsync(HttpClient http, string customerGuid)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:await FetchAsync(http)|});
        var quoteResponse = await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { product_type = ""trading"", customer_guid = customerGuid, symbol = ""BTC-USD"", side = ""buy"", receive_amount = 1000 });
        var quote = await quoteResponse.Content.ReadFromJsonAsync<JsonElement>();
        var quoteGuid = quote.GetProperty(""guid"").GetString();
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/trades"", new { quote_guid = quoteGuid });
    }"), Expected("bank", "requests POST /api/quotes (CreateQuote) and POST /api/trades (CreateTrade)", "scopes 'quotes:execute' and 'trades:execute'"));
        }

        // ---- typed clients with fields ------------------------------------------------------------------------

        [Fact]
        public async Task TypedClient_BaseAddressAndHeaderInConstructor_RelativePaths_AreReportedInTheConstructor()
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
public sealed class CybridBankClient
{
    private readonly HttpClient _http;

    public CybridBankClient(HttpClient http, string bankToken)
    {
        _http = http;
        _http.BaseAddress = new Uri(""https://bank.sandbox.cybrid.app/api/"");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:bankToken|});
    }

    public Task<HttpResponseMessage> CreateQuoteAsync(string customerGuid, string symbol)
        => _http.PostAsJsonAsync(""quotes"", new { product_type = ""trading"", customer_guid = customerGuid, symbol, side = ""buy"" });

    public Task<HttpResponseMessage> PricesAsync() => _http.GetAsync(""prices"");

    public Task<HttpResponseMessage> CreateCustomerAsync() => _http.PostAsJsonAsync(""customers"", new { type = ""individual"" });
}", Expected("bank", "request POST /api/quotes (CreateQuote)", "scope 'quotes:execute'"));
        }

        [Fact]
        public async Task TypedClient_FieldInitializers_BaseWithoutApiSegment_AndCachedTokenField_IsReported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
public sealed class CybridTrades
{
    private const string Bank = ""https://bank.sandbox.cybrid.app"";
    private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri(Bank) };
    private string _cachedToken;
" + FetchBankToken + @"
    private async Task AuthorizeAsync()
    {
        _cachedToken ??= await FetchAsync(_http);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:_cachedToken|});
    }

    public async Task<HttpResponseMessage> TransfersAsync(string customerGuid)
    {
        await AuthorizeAsync();
        return await _http.GetAsync(""/api/transfers?customer_guid="" + Uri.EscapeDataString(customerGuid));
    }
}", Expected("bank", "request GET /api/transfers (ListTransfers)", "scope 'transfers:read'"));
        }

        [Fact]
        public async Task BaseUrlInStaticReadOnlyFieldOfAnotherType_IsFolded()
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
public static class CybridEndpoints
{
    public static readonly string Bank = ""https://bank.production.cybrid.app/api"";
}

public static class Reloadable
{
    public static readonly string Bank = ""https://api.example.com"";
    static Reloadable() { Bank = Environment.GetEnvironmentVariable(""CYBRID_BANK"") ?? Bank; }
}

class Accounts
{
    async Task ListAsync(HttpClient http, string customerGuid, string bankToken)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0002:bankToken|});
        await http.GetAsync(CybridEndpoints.Bank + ""/accounts?customer_guid="" + customerGuid);
        await http.GetAsync(Reloadable.Bank + ""/api/trades?customer_guid="" + customerGuid);
    }
}");
        }

        [Fact]
        public async Task ClientDerivedFromHttpClient_SendingThroughItself_IsReported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
public sealed class CybridHttpClient : HttpClient
{
    public CybridHttpClient(string bankToken)
    {
        BaseAddress = new Uri(""https://bank.sandbox.cybrid.app/api/"");
        DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:bankToken|});
    }

    public Task<HttpResponseMessage> WalletsAsync(string customerGuid) => GetAsync(""external_wallets?customer_guid="" + customerGuid);

    public Task<HttpResponseMessage> AssetsAsync() => this.GetAsync(""assets"");
}", Expected("bank", "request GET /api/external_wallets (ListExternalWallets)", "scope 'external_wallets:read'"));
        }

        [Fact]
        public async Task TokenFromMethodOfAnotherType_IsFollowedOneLevel()
        {
            var test = new Verify.Test
            {
                TestCode = Usings + @"
class Workflows
{
    private readonly CybridAuth _auth = new CybridAuth();

    async Task StartAsync(HttpClient http, string customerGuid)
    {
        var token = await _auth.GetAccessTokenAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:token|});
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/workflows"", new { type = ""plaid"", kind = ""link_token_create"", customer_guid = customerGuid });
    }
}",
            };
            test.TestState.Sources.Add(("/CybridAuth.cs", Usings.Substring(0, Usings.IndexOf("public sealed class", System.StringComparison.Ordinal)) + @"
public sealed class CybridAuth
{
    private string _token;

    public async Task<string> GetAccessTokenAsync(HttpClient http)
    {
        if (_token != null)
        {
            return _token;
        }

        var response = await http.PostAsync(""https://id.sandbox.cybrid.app/oauth/token"", new FormUrlEncodedContent(new[]
        {
            new KeyValuePair<string, string>(""grant_type"", ""client_credentials""),
            new KeyValuePair<string, string>(""scope"", ""workflows:execute""),
        }));
        _token = (await response.Content.ReadFromJsonAsync<TokenResponse>()).AccessToken;
        return _token;
    }
}"));
            test.ExpectedDiagnostics.Add(Expected("bank", "request POST /api/workflows (CreateWorkflow)", "scope 'workflows:execute'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task TokenTypesAndNames_AreEvidence()
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
public sealed class BankToken
{
    public string Value { get; set; }
}

public interface IBankTokens { Task<BankToken> CurrentAsync(); }
public interface ICybridTokens { Task<string> GetOrganizationTokenAsync(); }

class Invoices
{
    private readonly IBankTokens _bankTokens;
    private readonly ICybridTokens _tokens;

    public Invoices(IBankTokens bankTokens, ICybridTokens tokens) { _bankTokens = bankTokens; _tokens = tokens; }

    async Task CreateAsync(HttpClient http, string customerGuid)
    {
        var token = await _bankTokens.CurrentAsync();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:token.Value|});
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/invoices"", new { asset = ""USD"", customer_guid = customerGuid, receive_amount = 100 });
    }

    async Task DepositAccountAsync(string customerGuid)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation(""Authorization"", ""Bearer "" + {|#1:await _tokens.GetOrganizationTokenAsync()|});
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/deposit_bank_accounts"", new { type = ""main"", account_guid = ""a"", customer_guid = customerGuid });
    }
}",
                Expected("bank", "request POST /api/invoices (CreateInvoice)", "scope 'invoices:execute'", 0),
                Expected("organization", "request POST /api/deposit_bank_accounts (CreateDepositBankAccount)", "scope 'deposit_bank_accounts:execute'", 1));
        }

        [Theory]
        [InlineData("OrganizationToken", "organization", true)]
        [InlineData("OrganizationAccessToken", "organization", true)]
        [InlineData("BankAccessToken", "bank", true)]
        [InlineData("CustomerToken", "", false)]
        [InlineData("CustomerAccessToken", "", false)]
        [InlineData("AccessToken", "", false)]
        public async Task TokenTypeNames_DecideTheKind(string typeName, string kind, bool reported)
        {
            var source = Usings + @"
public sealed class " + typeName + @" { public string Value { get; set; } }
public interface ITokenSource { Task<" + typeName + @"> CurrentAsync(); }

class Service
{
    async Task ListAsync(HttpClient http, ITokenSource source, string customerGuid)
    {
        var current = await source.CurrentAsync();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", " + (reported ? "{|#0:current.Value|}" : "current.Value") + @");
        await http.GetAsync(""https://bank.sandbox.cybrid.app/api/payment_instructions?customer_guid="" + customerGuid);
    }
}";
            if (reported)
            {
                await Verify.VerifyAnalyzerAsync(source, Expected(kind, "request GET /api/payment_instructions (ListPaymentInstructions)", "scope 'invoices:read'"));
            }
            else
            {
                await Verify.VerifyAnalyzerAsync(source);
            }
        }

        [Fact]
        public async Task CoalescedCacheOfBankTokens_IsReported()
        {
            await Verify.VerifyAnalyzerAsync(InClass(@"
    private string _cached;

    async Task ListAsync(HttpClient http, string customerGuid)
    {
        var orgToken = _cached ?? (_cached = await FetchAsync(http));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:orgToken|});
        await http.GetAsync(""https://bank.sandbox.cybrid.app/api/quotes?customer_guid="" + customerGuid);
    }"), Expected("bank", "request GET /api/quotes (ListQuotes)", "scope 'quotes:read'"));
        }

        [Theory]
        [InlineData("await _bankTokens.GetTokenAsync()", true)]
        [InlineData("await _bankTokens.GetAccessTokenAsync()", true)]
        [InlineData("await _bankTokens.GetAsync()", false)]
        [InlineData("await _store.GetTokenAsync()", false)]
        public async Task TokenGetterOnAReceiverNamedBankTokens_IsEvidence(string token, bool reported)
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
public interface ITokenStore { Task<string> GetTokenAsync(); Task<string> GetAccessTokenAsync(); Task<string> GetAsync(); }

class Service
{
    private readonly ITokenStore _bankTokens;
    private readonly ITokenStore _store;

    public Service(ITokenStore bankTokens, ITokenStore store) { _bankTokens = bankTokens; _store = store; }

    async Task QuoteAsync(HttpClient http, string customerGuid)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", " + (reported ? "{|CYB0002:" + token + "|}" : token) + @");
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { customer_guid = customerGuid });
    }
}");
        }

        // ---- never flagged --------------------------------------------------------------------------------------

        [Theory]
        [InlineData("await http.PostAsJsonAsync(\"https://id.sandbox.cybrid.app/api/customer_tokens\", new { customer_guid = customerGuid, scopes = new[] { \"quotes:execute\" } });")]
        [InlineData("await http.PostAsJsonAsync(\"https://bank.sandbox.cybrid.app/api/customers\", new { type = \"individual\" });")]
        [InlineData("await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/customers?page=0\");")]
        [InlineData("await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/customers?guid=\" + customerGuid);")]
        [InlineData("await http.PostAsJsonAsync(\"https://bank.sandbox.cybrid.app/api/counterparties\", new { type = \"individual\", customer_guid = customerGuid });")]
        [InlineData("await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/prices?symbol=BTC-USD\");")]
        [InlineData("await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/symbols\");")]
        [InlineData("await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/assets\");")]
        [InlineData("await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/banks\");")]
        [InlineData("await http.GetAsync($\"https://bank.sandbox.cybrid.app/api/banks/{bankGuid}\");")]
        [InlineData("await http.PostAsJsonAsync(\"https://bank.sandbox.cybrid.app/api/files\", new { type = \"drivers_license_front\", customer_guid = customerGuid });")]
        [InlineData("await http.PostAsJsonAsync(\"https://bank.sandbox.cybrid.app/api/plans\", new { type = \"remittance\", customer_guid = customerGuid });")]
        [InlineData("await http.PostAsJsonAsync(\"https://bank.sandbox.cybrid.app/api/executions\", new { plan_guid = \"p\" });")]
        [InlineData("await http.PostAsJsonAsync(\"https://bank.sandbox.cybrid.app/api/quotes\", new { product_type = \"trading\", symbol = \"BTC-USD\", side = \"buy\" });")]
        [InlineData("await http.PostAsJsonAsync(\"https://bank.sandbox.cybrid.app/api/quotes\", new { product_type = \"trading\", customer_guid = (string)null });")]
        [InlineData("await http.PostAsJsonAsync(\"https://bank.sandbox.cybrid.app/api/quotes\", new { product_type = \"trading\", customer_guid = \"\" });")]
        [InlineData("await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/trades?customer_guid=\" + string.Join(\",\", customerGuids));")]
        [InlineData("await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/trades?customer_guid=aaa,bbb\");")]
        [InlineData("await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/trades?customer_guid=\" + someCustomerGuids);")]
        [InlineData("await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/trades?customer_guid=\" + Format(customerGuids));")]
        [InlineData("await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/trades?customer_guid=\" + Uri.EscapeDataString(string.Join(\",\", customerGuids)));")]
        [InlineData("await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/trades\");")]
        [InlineData("await http.GetAsync($\"https://bank.sandbox.cybrid.app/api/quotes/{quoteGuid}\");")]
        [InlineData("await http.DeleteAsync($\"https://bank.sandbox.cybrid.app/api/transfers/{transferGuid}\");")]
        [InlineData("await http.PostAsJsonAsync(\"https://bank.sandbox.cybrid.app/api/trades\", new { quote_guid = quoteGuid });")]
        [InlineData("await http.PostAsJsonAsync(\"https://api.example.com/api/quotes\", new { customer_guid = customerGuid });")]
        [InlineData("await http.GetAsync($\"https://api.example.com/api/customers/{customerGuid}\");")]
        [InlineData("await http.GetAsync($\"https://id.sandbox.cybrid.app/api/customers/{customerGuid}\");")]
        [InlineData("await http.PostAsJsonAsync(\"https://organization.sandbox.cybrid.app/api/subscriptions\", new { name = \"hooks\", url = \"https://example.com\", customer_guid = customerGuid });")]
        [InlineData("await http.PostAsJsonAsync(\"/api/quotes\", new { customer_guid = customerGuid });")]
        [InlineData("await http.PostAsJsonAsync(baseUrl + \"/api/quotes\", new { customer_guid = customerGuid });")]
        [InlineData("await http.PostAsJsonAsync(\"https://bank.sandbox.cybrid.app/api/\" + resource, new { customer_guid = customerGuid });")]
        public async Task BankLevelMultiCustomerForeignOrUnknownRequests_AreNotReported(string call)
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
class Calls
{" + FetchBankToken + @"
    static string Format(string[] guids) => string.Join("","", guids);

    async Task CallAsync(HttpClient http, string customerGuid, string bankGuid, string quoteGuid, string transferGuid, string[] customerGuids, string someCustomerGuids, string baseUrl, string resource)
    {
        var bankToken = await FetchAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", bankToken);
        " + call + @"
    }
}");
        }

        [Theory]
        [InlineData("var token = Environment.GetEnvironmentVariable(\"CYBRID_TOKEN\");")]
        [InlineData("var token = accessToken;")]
        [InlineData("var token = await tokens.GetAsync();")]
        [InlineData("var token = useCache ? accessToken : await FetchAsync(http);")]
        [InlineData("var token = await FetchAsync(http); if (useCache) token = accessToken;")]
        [InlineData("var token = useCache ? customerToken : await FetchAsync(http);")]
        [InlineData("var token = await FetchCustomerTokenAsync(http, customerGuid);")]
        [InlineData("var customerToken2 = await FetchAsync(http); var token = customerToken2;")]
        [InlineData("string token = null; token = customerToken;")]
        [InlineData("var token = bankAccountToken;")]
        [InlineData("var token = await tokens.GetAsync(); var tokenForBank = token; token = tokenForBank;")]
        public async Task UnknownConflictingOrCustomerTokens_AreNotReported(string tokenCode)
        {
            await Verify.VerifyAnalyzerAsync(Usings + @"
public interface ITokens { Task<string> GetAsync(); }

class Calls
{" + FetchBankToken + @"
    private static async Task<string> FetchCustomerTokenAsync(HttpClient http, string customerGuid)
    {
        var response = await http.PostAsJsonAsync(""https://id.sandbox.cybrid.app/api/customer_tokens"", new { customer_guid = customerGuid, scopes = new[] { ""quotes:execute"" } });
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body.AccessToken;
    }

    async Task CallAsync(HttpClient http, string customerGuid, string accessToken, string customerToken, ITokens tokens, bool useCache, string bankAccountToken)
    {
        " + tokenCode + @"
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", token);
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { product_type = ""trading"", customer_guid = customerGuid });
    }
}");
        }

        [Fact]
        public async Task CustomerTokenMintedWithBankToken_UsedForTheCustomer_IsNotReported()
        {
            await Verify.VerifyAnalyzerAsync(InClass(@"
    async Task BuyAsync(string customerGuid)
    {
        using var identity = new HttpClient { BaseAddress = new Uri(""https://id.sandbox.cybrid.app"") };
        identity.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", await FetchAsync(identity));
        var minted = await identity.PostAsJsonAsync(""/api/customer_tokens"", new { customer_guid = customerGuid, scopes = new[] { ""quotes:execute"", ""trades:execute"" } });
        var customerToken = (await minted.Content.ReadFromJsonAsync<TokenResponse>()).AccessToken;

        using var bank = new HttpClient { BaseAddress = new Uri(""https://bank.sandbox.cybrid.app/api/"") };
        bank.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", customerToken);
        await bank.PostAsJsonAsync(""quotes"", new { product_type = ""trading"", customer_guid = customerGuid, symbol = ""BTC-USD"", side = ""buy"" });
    }"));
        }

        [Theory]
        [InlineData("new AuthenticationHeaderValue(\"Basic\", bankToken)")]
        [InlineData("new AuthenticationHeaderValue(\"Bearer\")")]
        [InlineData("AuthenticationHeaderValue.Parse(\"Token \" + bankToken)")]
        public async Task NonBearerAuthorization_IsNotReported(string header)
        {
            await Verify.VerifyAnalyzerAsync(InClass(@"
    async Task CallAsync(HttpClient http, string customerGuid)
    {
        var bankToken = await FetchAsync(http);
        http.DefaultRequestHeaders.Authorization = " + header + @";
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { customer_guid = customerGuid });
    }"));
        }

        [Fact]
        public async Task TokenOnAnotherClientOrRequest_IsNotReported()
        {
            await Verify.VerifyAnalyzerAsync(InClass(@"
    async Task CallAsync(HttpClient http, HttpClient other, IHttpClientFactoryLike factory, string customerGuid)
    {
        var bankToken = await FetchAsync(http);
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", bankToken);
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { customer_guid = customerGuid });

        var unrelated = new HttpRequestMessage(HttpMethod.Get, ""https://example.com"");
        unrelated.Headers.Authorization = new AuthenticationHeaderValue(""Bearer"", bankToken);
        await factory.CreateClient().PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { customer_guid = customerGuid });
    }
}

public interface IHttpClientFactoryLike { HttpClient CreateClient(); }
class Unused
{"));
        }

        [Fact]
        public async Task TradeOfABankQuoteOrOfAQuoteFromElsewhere_IsNotReported()
        {
            await Verify.VerifyAnalyzerAsync(InClass(@"
    async Task BuyForBankAsync(HttpClient http, string customerGuid, string quoteGuidFromCaller)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", await FetchAsync(http));
        var quoteResponse = await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { product_type = ""trading"", symbol = ""BTC-USD"", side = ""buy"" });
        var quote = await quoteResponse.Content.ReadFromJsonAsync<JsonElement>();
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/trades"", new { quote_guid = quote.GetProperty(""guid"").GetString() });
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/trades"", new { quote_guid = quoteGuidFromCaller });
    }"));
        }

        // ---- the per-type gate: a type is analyzed when one of its calls can be a customer-scoped request -----

        [Fact]
        public async Task UrlConstantAndTokenSourceInOtherFiles_IsReported()
        {
            // the analyzed type holds only the verb call: the URL, the grant and the token all come from other files
            var test = new Verify.Test
            {
                TestCode = Usings + @"
class QuoteService
{
    async Task RunAsync(HttpClient http, string customerGuid)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:await BankTokens.FetchAsync(http)|});
        await http.PostAsJsonAsync(CybridEndpoints.Quotes, new { customer_guid = customerGuid });
    }
}",
            };
            test.TestState.Sources.Add(("/Endpoints.cs", @"
static class CybridEndpoints
{
    public const string Quotes = ""https://bank.sandbox.cybrid.app/api/quotes"";
}"));
            test.TestState.Sources.Add(("/BankTokens.cs", @"using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;

static class BankTokens
{" + FetchBankToken.Replace("private static", "internal static") + @"
}"));
            test.ExpectedDiagnostics.Add(Expected("bank", "request POST /api/quotes (CreateQuote)", "scope 'quotes:execute'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task BusinessTypeCallingSameNamedMethods_IsNotReported()
        {
            // names of Bank API operations on types that are neither HttpClient nor a client: the gate lets the type
            // through, the analysis at its end finds no request
            await Verify.VerifyAnalyzerAsync(Usings + @"
class Repository
{
    public Task<string> GetCustomer(string guid) => Task.FromResult(guid);
    public Task CreateQuoteAsync(string customerGuid) => Task.CompletedTask;
    public Task<HttpResponseMessage> PostAsync(string url) => Task.FromResult(new HttpResponseMessage());
}

class Service
{
    async Task RunAsync(Repository repository, string customerGuid)
    {
        var bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");
        await repository.GetCustomer(customerGuid);
        await repository.CreateQuoteAsync(customerGuid);
        await repository.PostAsync(""https://bank.sandbox.cybrid.app/api/quotes"");
    }
}");
        }
    }
}
