namespace Cybrid.Analyzers.Benchmarks.Corpus
{
    /// <summary>Which mistakes a module's Cybrid integration makes (each one is what a rule of the package reports).</summary>
    internal sealed class CybridMistakes
    {
        /// <summary>CYB0001: a client secret or signing key written into the code.</summary>
        public bool HardcodedSecret { get; set; }

        /// <summary>CYB0002: a bank token on a customer-scoped Bank API request.</summary>
        public bool BankTokenForCustomer { get; set; }

        /// <summary>CYB0003: the webhook signature compared with <c>!=</c>.</summary>
        public bool SignatureEquals { get; set; }

        /// <summary>CYB0004: a Cybrid URL over plain HTTP.</summary>
        public bool PlainHttp { get; set; }

        /// <summary>CYB0005: an infinite HttpClient timeout.</summary>
        public bool InfiniteTimeout { get; set; }

        /// <summary>CYB0006: a token or the Authorization header written to the log.</summary>
        public bool TokenLogged { get; set; }

        public static CybridMistakes All() => new CybridMistakes
        {
            HardcodedSecret = true,
            BankTokenForCustomer = true,
            SignatureEquals = true,
            PlainHttp = true,
            InfiniteTimeout = true,
            TokenLogged = true,
        };

        public static CybridMistakes Random(Rng rng, double p) => new CybridMistakes
        {
            HardcodedSecret = rng.Chance(p),
            BankTokenForCustomer = rng.Chance(p),
            SignatureEquals = rng.Chance(p),
            PlainHttp = rng.Chance(p),
            InfiniteTimeout = rng.Chance(p),
            TokenLogged = rng.Chance(p),
        };
    }

    /// <summary>
    /// A Cybrid integration as teams write it: settings, a token service (OAuth client credentials and customer
    /// tokens), a Bank API service, and a webhook receiver. Each mistake of <see cref="CybridMistakes"/> replaces
    /// the compliant line by the one the rules report.
    /// </summary>
    internal static class CybridTemplates
    {
        public static string Settings(Rng rng, ModuleModel m, CybridMistakes x)
        {
            var w = new CodeWriter();
            var close = BusinessTemplates.Header(w, m.Namespace, rng.Chance(0.9), "System");
            var environment = rng.Pick(new[] { "sandbox", "staging", "production" });
            var secret = x.HardcodedSecret ? "\"" + rng.Token(48) + "\"" : "string.Empty";
            var bank = (x.PlainHttp ? "http" : "https") + "://bank." + environment + ".cybrid.app";
            w.Block($$"""
                /// <summary>Where and how the {{m.Domain.ToLowerInvariant()}} module talks to Cybrid; bound from the "Cybrid" section.</summary>
                public sealed class CybridSettings
                {
                    public const string SectionName = "Cybrid";

                    public string IdentityBaseUrl { get; set; } = "https://id.{{environment}}.cybrid.app";

                    public string BankBaseUrl { get; set; } = "{{bank}}";

                    public string ClientId { get; set; } = string.Empty;

                    public string ClientSecret { get; set; } = {{secret}};

                    public string WebhookSigningKey { get; set; } = string.Empty;

                    public string BankGuid { get; set; } = string.Empty;

                    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
                }
                """);
            BusinessTemplates.Footer(w, close);
            return w.ToString();
        }

        public static string TokenService(Rng rng, ModuleModel m, CybridMistakes x)
        {
            var w = new CodeWriter();
            var close = BusinessTemplates.Header(
                w,
                m.Namespace,
                rng.Chance(0.9),
                "System",
                "System.Collections.Generic",
                "System.Linq",
                "System.Net.Http",
                "System.Net.Http.Headers",
                "System.Net.Http.Json",
                "System.Text.Json.Serialization",
                "System.Threading",
                "System.Threading.Tasks",
                "Microsoft.Extensions.Logging",
                "Microsoft.Extensions.Options");
            var timeout = x.InfiniteTimeout ? "Timeout.InfiniteTimeSpan" : "_settings.RequestTimeout";
            var clientSecret = x.HardcodedSecret ? "\"" + rng.Token(40) + "\"" : "_settings.ClientSecret";
            var log = x.TokenLogged
                ? "_logger.LogDebug(\"Cybrid bank token {AccessToken}, valid for {ExpiresIn} s\", token.AccessToken, token.ExpiresIn);"
                : "_logger.LogDebug(\"Obtained a Cybrid bank token valid for {ExpiresIn} s\", token.ExpiresIn);";
            w.Block($$"""
                /// <summary>Obtains Cybrid access tokens: the bank token (client credentials) and customer tokens.</summary>
                public sealed class CybridTokenService
                {
                    private readonly HttpClient _http;
                    private readonly CybridSettings _settings;
                    private readonly ILogger<CybridTokenService> _logger;
                    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
                    private string? _bankToken;
                    private DateTimeOffset _bankTokenExpiresAt;

                    public CybridTokenService(HttpClient http, IOptions<CybridSettings> settings, ILogger<CybridTokenService> logger)
                    {
                        _http = http;
                        _settings = settings.Value;
                        _logger = logger;
                        _http.Timeout = {{timeout}};
                    }

                    public async Task<string> GetBankTokenAsync(CancellationToken cancellationToken)
                    {
                        await _gate.WaitAsync(cancellationToken);
                        try
                        {
                            if (_bankToken is not null && DateTimeOffset.UtcNow < _bankTokenExpiresAt)
                            {
                                return _bankToken;
                            }

                            var form = new Dictionary<string, string>
                            {
                                ["grant_type"] = "client_credentials",
                                ["client_id"] = _settings.ClientId,
                                ["client_secret"] = {{clientSecret}},
                                ["scope"] = "banks:read accounts:read customers:read customers:write quotes:execute trades:execute",
                            };
                            using var response = await _http.PostAsync(_settings.IdentityBaseUrl + "/oauth/token", new FormUrlEncodedContent(form), cancellationToken);
                            response.EnsureSuccessStatusCode();
                            var token = await response.Content.ReadFromJsonAsync<CybridTokenResponse>(cancellationToken: cancellationToken)
                                ?? throw new InvalidOperationException("Cybrid returned an empty token response.");
                            {{log}}
                            _bankToken = token.AccessToken;
                            _bankTokenExpiresAt = DateTimeOffset.UtcNow.AddSeconds(Math.Max(0, token.ExpiresIn - 60));
                            return _bankToken;
                        }
                        finally
                        {
                            _gate.Release();
                        }
                    }

                    public async Task<string> GetCustomerTokenAsync(string customerGuid, IEnumerable<string> scopes, CancellationToken cancellationToken)
                    {
                        var bankToken = await GetBankTokenAsync(cancellationToken);
                        using var request = new HttpRequestMessage(HttpMethod.Post, _settings.IdentityBaseUrl + "/api/customer_tokens");
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bankToken);
                        request.Content = JsonContent.Create(new { customer_guid = customerGuid, scopes = scopes.ToArray() });
                        using var response = await _http.SendAsync(request, cancellationToken);
                        response.EnsureSuccessStatusCode();
                        var token = await response.Content.ReadFromJsonAsync<CybridTokenResponse>(cancellationToken: cancellationToken)
                            ?? throw new InvalidOperationException("Cybrid returned an empty customer token response.");
                        return token.AccessToken;
                    }
                }

                public sealed record CybridTokenResponse(
                    [property: JsonPropertyName("access_token")] string AccessToken,
                    [property: JsonPropertyName("token_type")] string TokenType,
                    [property: JsonPropertyName("expires_in")] int ExpiresIn,
                    [property: JsonPropertyName("scope")] string? Scope);
                """);
            BusinessTemplates.Footer(w, close);
            return w.ToString();
        }

        public static string BankService(Rng rng, ModuleModel m, CybridMistakes x)
        {
            var w = new CodeWriter();
            var close = BusinessTemplates.Header(
                w,
                m.Namespace,
                rng.Chance(0.9),
                "System",
                "System.Net.Http",
                "System.Net.Http.Headers",
                "System.Net.Http.Json",
                "System.Text.Json",
                "System.Threading",
                "System.Threading.Tasks",
                "Microsoft.Extensions.Logging");
            var environment = rng.Pick(new[] { "sandbox", "staging", "production" });
            var bankApi = (x.PlainHttp ? "http" : "https") + "://bank." + environment + ".cybrid.app";
            var quoteToken = x.BankTokenForCustomer
                ? "await _tokens.GetBankTokenAsync(cancellationToken)"
                : "await _tokens.GetCustomerTokenAsync(customerGuid, new[] { \"quotes:execute\" }, cancellationToken)";
            var logRequest = x.TokenLogged
                ? "_logger.LogDebug(\"POST {Uri} with {Authorization}\", request.RequestUri, request.Headers.Authorization);"
                : "_logger.LogDebug(\"POST {Uri}\", request.RequestUri);";
            var symbol = rng.Pick(new[] { "BTC-USD", "ETH-USD", "USDC-USD", "SOL-USD" });
            w.Block($$"""
                /// <summary>Calls the Cybrid Bank API for the {{m.Domain.ToLowerInvariant()}} module.</summary>
                public sealed class CybridBankService
                {
                    private const string BankApi = "{{bankApi}}";

                    private readonly HttpClient _http;
                    private readonly CybridTokenService _tokens;
                    private readonly ILogger<CybridBankService> _logger;

                    public CybridBankService(HttpClient http, CybridTokenService tokens, ILogger<CybridBankService> logger)
                    {
                        _http = http;
                        _tokens = tokens;
                        _logger = logger;
                        _http.BaseAddress = new Uri(BankApi);
                    }

                    public async Task<JsonElement> CreateQuoteAsync(string customerGuid, long receiveAmount, CancellationToken cancellationToken)
                    {
                        var token = {{quoteToken}};
                        using var request = new HttpRequestMessage(HttpMethod.Post, BankApi + "/api/quotes");
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        request.Content = JsonContent.Create(new { product_type = "trading", customer_guid = customerGuid, symbol = "{{symbol}}", side = "buy", receive_amount = receiveAmount });
                        {{logRequest}}
                        using var response = await _http.SendAsync(request, cancellationToken);
                        response.EnsureSuccessStatusCode();
                        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: cancellationToken);
                    }

                    public async Task<JsonElement> ListAssetsAsync(CancellationToken cancellationToken)
                    {
                        var bankToken = await _tokens.GetBankTokenAsync(cancellationToken);
                        using var request = new HttpRequestMessage(HttpMethod.Get, BankApi + "/api/assets");
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bankToken);
                        using var response = await _http.SendAsync(request, cancellationToken);
                        response.EnsureSuccessStatusCode();
                        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: cancellationToken);
                    }

                    public async Task<string?> CreateCustomerAsync(string type, CancellationToken cancellationToken)
                    {
                        var bankToken = await _tokens.GetBankTokenAsync(cancellationToken);
                        using var request = new HttpRequestMessage(HttpMethod.Post, BankApi + "/api/customers");
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bankToken);
                        request.Content = JsonContent.Create(new { type });
                        using var response = await _http.SendAsync(request, cancellationToken);
                        response.EnsureSuccessStatusCode();
                        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                        var guid = document.RootElement.GetProperty("guid").GetString();
                        _logger.LogInformation("Created Cybrid customer {CustomerGuid}", guid);
                        return guid;
                    }
                }
                """);
            BusinessTemplates.Footer(w, close);
            return w.ToString();
        }

        public static string WebhookController(Rng rng, ModuleModel m, CybridMistakes x)
        {
            var w = new CodeWriter();
            var close = BusinessTemplates.Header(
                w,
                m.Namespace,
                rng.Chance(0.9),
                "System",
                "System.IO",
                "System.Security.Cryptography",
                "System.Text",
                "System.Text.Json",
                "System.Threading",
                "System.Threading.Tasks",
                "Microsoft.AspNetCore.Mvc",
                "Microsoft.Extensions.Logging",
                "Microsoft.Extensions.Options");
            var check = x.SignatureEquals
                ? "if (computed != signature)"
                : "if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(computed), Encoding.UTF8.GetBytes(signature)))";
            var key = x.HardcodedSecret && rng.Chance(0.5) ? "\"" + rng.Token(32) + "\"" : "_settings.WebhookSigningKey";
            w.Block($$"""
                /// <summary>Receives Cybrid webhook events for the {{m.Domain.ToLowerInvariant()}} module.</summary>
                [ApiController]
                [Route("webhooks/cybrid/{{m.Domain.ToLowerInvariant()}}")]
                public sealed class CybridWebhookController : ControllerBase
                {
                    private readonly CybridSettings _settings;
                    private readonly ILogger<CybridWebhookController> _logger;

                    public CybridWebhookController(IOptions<CybridSettings> settings, ILogger<CybridWebhookController> logger)
                    {
                        _settings = settings.Value;
                        _logger = logger;
                    }

                    [HttpPost]
                    public async Task<IActionResult> Receive(CancellationToken cancellationToken)
                    {
                        using var reader = new StreamReader(Request.Body, Encoding.UTF8);
                        var body = await reader.ReadToEndAsync(cancellationToken);
                        var signature = Request.Headers["X-Cybrid-Signature"].ToString();
                        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes({{key}}));
                        var computed = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
                        {{check}}
                        {
                            _logger.LogWarning("Rejected a Cybrid webhook with an invalid signature");
                            return Unauthorized();
                        }

                        using var document = JsonDocument.Parse(body);
                        var eventType = document.RootElement.TryGetProperty("event_type", out var type) ? type.GetString() : null;
                        _logger.LogInformation("Cybrid event {EventType}", eventType);
                        return Ok();
                    }
                }
                """);
            BusinessTemplates.Footer(w, close);
            return w.ToString();
        }
    }
}
