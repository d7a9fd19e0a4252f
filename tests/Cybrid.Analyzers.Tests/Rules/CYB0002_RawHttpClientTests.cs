using System.Threading.Tasks;
using Xunit;
using Verify = Cybrid.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Cybrid.Analyzers.Rules.PrivilegedTokenOnCustomerRequestAnalyzer,
    Cybrid.Analyzers.CodeFixes.Rules.PrivilegedTokenOnCustomerRequestCodeFix>;

namespace Cybrid.Analyzers.Tests.Rules
{
    /// <summary>CYB0002 on raw <c>HttpClient</c> code: the common shapes of requests, bodies and authorization.</summary>
    public class CYB0002_RawHttpClientTests
    {
        internal const string Usings = @"using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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

        [Fact]
        public async Task ClientCredentialsToken_OnCustomerQuote_IsReported()
        {
            var expected = Verify.Diagnostic(Descriptors.CYB0002_PrivilegedTokenOnCustomerRequest)
                .WithLocation(0)
                .WithArguments("bank", "request POST /api/quotes (CreateQuote)", "scope 'quotes:execute'");
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
}", expected);
        }
    }
}
