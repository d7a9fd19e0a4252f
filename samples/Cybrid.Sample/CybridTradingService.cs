#nullable enable
using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Cybrid.Sample
{
    /// <summary>Buys crypto for one customer through the Bank API: a quote, then a trade that executes it.</summary>
    public sealed class CybridTradingService
    {
        private const string IdentityApi = "https://id.sandbox.cybrid.app";
        private const string BankApi = "https://bank.sandbox.cybrid.app/api";

        private readonly HttpClient _http;

        public CybridTradingService(HttpClient http)
        {
            _http = http;
        }

        public async Task<string?> BuyAsync(string customerGuid, string symbol, long receiveAmount, CancellationToken cancellationToken)
        {
            var bankToken = await GetBankTokenAsync(cancellationToken);

            // CYB0002: the bank token authorizes this customer's quote and trade. They need a customer token with
            // quotes:execute and trades:execute; the fix calls GetCustomerTokenAsync below.
            var authorization = new AuthenticationHeaderValue("Bearer", bankToken);

            using var quoteRequest = new HttpRequestMessage(HttpMethod.Post, BankApi + "/quotes")
            {
                Content = JsonContent.Create(new { product_type = "trading", customer_guid = customerGuid, symbol, side = "buy", receive_amount = receiveAmount }),
            };
            quoteRequest.Headers.Authorization = authorization;
            using var quoteResponse = await _http.SendAsync(quoteRequest, cancellationToken);
            quoteResponse.EnsureSuccessStatusCode();
            var quote = await quoteResponse.Content.ReadFromJsonAsync<GuidResponse>(cancellationToken);

            using var tradeRequest = new HttpRequestMessage(HttpMethod.Post, BankApi + "/trades")
            {
                Content = JsonContent.Create(new { quote_guid = quote!.Guid }),
            };
            tradeRequest.Headers.Authorization = authorization;
            using var tradeResponse = await _http.SendAsync(tradeRequest, cancellationToken);
            tradeResponse.EnsureSuccessStatusCode();
            var trade = await tradeResponse.Content.ReadFromJsonAsync<GuidResponse>(cancellationToken);
            return trade?.Guid;
        }

        /// <summary>Mints a short-lived token for one customer, limited to <paramref name="scopes"/>.</summary>
        public async Task<string> GetCustomerTokenAsync(string customerGuid, string[] scopes, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, IdentityApi + "/api/customer_tokens")
            {
                Content = JsonContent.Create(new { customer_guid = customerGuid, scopes }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await GetBankTokenAsync(cancellationToken));
            using var response = await _http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            return token?.AccessToken ?? throw new InvalidOperationException("Cybrid returned no customer token");
        }

        private async Task<string> GetBankTokenAsync(CancellationToken cancellationToken)
        {
            var response = await _http.PostAsJsonAsync(
                IdentityApi + "/oauth/token",
                new
                {
                    grant_type = "client_credentials",
                    client_id = Environment.GetEnvironmentVariable("CYBRID_CLIENT_ID"),
                    client_secret = Environment.GetEnvironmentVariable("CYBRID_CLIENT_SECRET"),
                    scope = "customers:read customers:write quotes:execute trades:execute",
                },
                cancellationToken);
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            return token?.AccessToken ?? throw new InvalidOperationException("Cybrid returned no bank token");
        }

        private sealed class TokenResponse
        {
            [JsonPropertyName("access_token")]
            public string? AccessToken { get; set; }
        }

        private sealed class GuidResponse
        {
            [JsonPropertyName("guid")]
            public string? Guid { get; set; }
        }
    }
}
