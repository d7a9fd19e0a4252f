using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Cybrid.Sample
{
    /// <summary>
    /// Gets an organization token (webhook subscriptions, bank administration) from the Cybrid Identity API with the
    /// OAuth 2.0 client-credentials grant.
    /// </summary>
    public sealed class CybridOrganizationTokenClient
    {
        // CYB0001 (twice): the organization's client ID and client secret are compiled into the application.
        private const string ClientId = "3f1c0d2e9b8a4c7d";
        private const string ClientSecret = "Xq7pN2vR9sT4wY6zB1cD3fG5hJ8kL0mQ";

        private readonly IHttpClientFactory _factory;

        public CybridOrganizationTokenClient(IHttpClientFactory factory) => _factory = factory;

        public async Task<string?> GetOrganizationTokenAsync(CancellationToken cancellationToken)
        {
            var client = _factory.CreateClient(CybridHttpRegistration.IdentityClient);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = ClientId,
                ["client_secret"] = ClientSecret,
                ["scope"] = "organizations:read subscriptions:read subscriptions:write",
            });
            using var response = await client.PostAsync("https://id.sandbox.cybrid.app/oauth/token", form, cancellationToken);
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            return token?.AccessToken;
        }

        private sealed class TokenResponse
        {
            [JsonPropertyName("access_token")]
            public string? AccessToken { get; set; }

            [JsonPropertyName("expires_in")]
            public int ExpiresIn { get; set; }
        }
    }
}
