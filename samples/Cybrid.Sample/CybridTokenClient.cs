using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cybrid.Sample
{
    /// <summary>The Identity API's answer to <c>POST /oauth/token</c>.</summary>
    public sealed class CybridTokenResponse
    {
        [JsonPropertyName("access_token")]
        public string AccessToken { get; set; } = string.Empty;

        [JsonPropertyName("token_type")]
        public string TokenType { get; set; } = "Bearer";

        [JsonPropertyName("expires_in")]
        public int ExpiresIn { get; set; }

        [JsonPropertyName("scope")]
        public string Scope { get; set; } = string.Empty;
    }

    /// <summary>Gets a bank token with the client-credentials grant and sends Bank API requests with it.</summary>
    public sealed class CybridTokenClient
    {
        private readonly HttpClient _http;
        private readonly IConfiguration _configuration;
        private readonly ILogger<CybridTokenClient> _logger;

        public CybridTokenClient(HttpClient http, IConfiguration configuration, ILogger<CybridTokenClient> logger)
        {
            _http = http;
            _configuration = configuration;
            _logger = logger;
        }

        public async Task<string> GetBankTokenAsync(CancellationToken cancellationToken)
        {
            var body = new
            {
                grant_type = "client_credentials",
                client_id = _configuration["Cybrid:ClientId"],
                client_secret = _configuration["Cybrid:ClientSecret"],
                scope = "banks:read accounts:read prices:read",
            };
            using var response = await _http.PostAsJsonAsync("https://id.sandbox.cybrid.app/oauth/token", body, cancellationToken);
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<CybridTokenResponse>(cancellationToken)
                        ?? throw new InvalidOperationException("The Cybrid Identity API returned no token.");

            // CYB0006: the bearer token itself goes to the log, where it works as a credential for up to 30 minutes.
            _logger.LogInformation("Got a Cybrid bank token {AccessToken} (expires in {ExpiresIn}s)", token.AccessToken, token.ExpiresIn);

            // Fine: the token type, lifetime and scopes describe the token without giving it away.
            _logger.LogDebug("Token type {TokenType}, scopes {Scope}", token.TokenType, token.Scope);
            return token.AccessToken;
        }

        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var bankToken = await GetBankTokenAsync(cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bankToken);

            // CYB0006: HttpRequestMessage.ToString() prints every header, Authorization included.
            _logger.LogDebug("Sending {Request}", request);

            var response = await _http.SendAsync(request, cancellationToken);

            // Fine: the method, the URI and the status code say nothing secret.
            _logger.LogInformation("{Method} {Uri} answered {Status}", request.Method, request.RequestUri, (int)response.StatusCode);
            return response;
        }
    }
}
